package io.github.scrm.core.internal;

import io.github.scrm.core.event.Gender;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.staff.StaffId;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The binary form of a {@link ProfileUpdated}: a varint of presence bits, then only the fields present, in bit order.
 * The name is personal and unique, so it is written inline; the other texts repeat across customers and go through
 * the dictionary. Attributes keep the iteration order of the event's map.
 */
final class UpdateFields {

  private static final int NAME = 1;
  private static final int GENDER = 1 << 1;
  private static final int BIRTHDAY = 1 << 2;
  private static final int AGE_BAND = 1 << 3;
  private static final int CITY = 1 << 4;
  private static final int REGION = 1 << 5;
  private static final int MEMBER_LEVEL = 1 << 6;
  private static final int OWNING_STAFF = 1 << 7;
  private static final int NO_MARKETING_SET = 1 << 8;
  private static final int NO_MARKETING = 1 << 9;
  private static final int TAGS_ADDED = 1 << 10;
  private static final int TAGS_REMOVED = 1 << 11;
  private static final int ATTRIBUTES = 1 << 12;

  private final TextDictionary dictionary;

  UpdateFields(TextDictionary dictionary) {
    this.dictionary = dictionary;
  }

  void write(ProfileUpdated e, EventWriter out) {
    Boolean noMarketing = e.noPersonalisedMarketing();
    int present = (e.name() != null ? NAME : 0) | (e.gender() != null ? GENDER : 0)
        | (e.birthday() != null ? BIRTHDAY : 0) | (e.ageBand() != null ? AGE_BAND : 0) | (e.city() != null ? CITY : 0)
        | (e.region() != null ? REGION : 0) | (e.memberLevel() != null ? MEMBER_LEVEL : 0)
        | (e.owningStaff() != null ? OWNING_STAFF : 0) | (noMarketing != null ? NO_MARKETING_SET : 0)
        | (Boolean.TRUE.equals(noMarketing) ? NO_MARKETING : 0) | (e.tagsAdded().isEmpty() ? 0 : TAGS_ADDED)
        | (e.tagsRemoved().isEmpty() ? 0 : TAGS_REMOVED) | (e.attributes().isEmpty() ? 0 : ATTRIBUTES);
    out.writeVarint(present);
    if (e.name() != null) {
      out.writeInline(e.name());
    }
    if (e.gender() != null) {
      out.writeByte(e.gender().ordinal());
    }
    if (e.birthday() != null) {
      out.writeSigned(e.birthday().toEpochDay());
    }
    writeIfPresent(e.ageBand(), out);
    writeIfPresent(e.city(), out);
    writeIfPresent(e.region(), out);
    writeIfPresent(e.memberLevel(), out);
    writeIfPresent(e.owningStaff() == null ? null : e.owningStaff().value(), out);
    if (!e.tagsAdded().isEmpty()) {
      writeTexts(e.tagsAdded(), out);
    }
    if (!e.tagsRemoved().isEmpty()) {
      writeTexts(e.tagsRemoved(), out);
    }
    if (!e.attributes().isEmpty()) {
      out.writeVarint(e.attributes().size());
      for (Map.Entry<String, String> attribute : e.attributes().entrySet()) {
        out.writeText(attribute.getKey(), dictionary);
        out.writeInline(attribute.getValue());
      }
    }
  }

  ProfileUpdated read(EventBodies.Head h, EventReader in, List<Identifier> definitions) {
    int present = in.readInt();
    String name = (present & NAME) != 0 ? in.readText() : null;
    Gender gender = (present & GENDER) != 0 ? Gender.values()[in.readByte()] : null;
    LocalDate birthday = (present & BIRTHDAY) != 0 ? LocalDate.ofEpochDay(in.readSigned()) : null;
    String ageBand = (present & AGE_BAND) != 0 ? in.readText() : null;
    String city = (present & CITY) != 0 ? in.readText() : null;
    String region = (present & REGION) != 0 ? in.readText() : null;
    String memberLevel = (present & MEMBER_LEVEL) != 0 ? in.readText() : null;
    StaffId staff = (present & OWNING_STAFF) != 0 ? StaffId.of(in.readText()) : null;
    Boolean noMarketing = (present & NO_MARKETING_SET) != 0 ? (present & NO_MARKETING) != 0 : null;
    List<String> added = (present & TAGS_ADDED) != 0 ? EventBodies.readTexts(in) : List.of();
    List<String> removed = (present & TAGS_REMOVED) != 0 ? EventBodies.readTexts(in) : List.of();
    Map<String, String> attributes = Map.of();
    if ((present & ATTRIBUTES) != 0) {
      int count = in.readInt();
      Map<String, String> read = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        String key = in.readText();
        read.put(key, in.readText());
      }
      attributes = read;
    }
    return new ProfileUpdated(h.id(), h.occurredAt(), h.receivedAt(), h.channel(),
        EventBodies.identifiers(in, definitions), name, gender, birthday, ageBand, city, region, memberLevel, staff,
        noMarketing, added, removed, attributes);
  }

  private void writeIfPresent(@Nullable String text, EventWriter out) {
    if (text != null) {
      out.writeText(text, dictionary);
    }
  }

  private void writeTexts(List<String> texts, EventWriter out) {
    out.writeVarint(texts.size());
    for (String text : texts) {
      out.writeText(text, dictionary);
    }
  }

  @Override
  public String toString() {
    return "UpdateFields[" + dictionary + "]";
  }
}
