package io.github.scrm.core.profile;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import io.github.scrm.core.consent.Consent;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.ConsentChanged;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.Gender;
import io.github.scrm.core.event.MembershipJoined;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.staff.StaffId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The descriptive part of a profile as a JSON document: what profile export (JSON Lines, one per customer) writes
 * and profile import reads. Metrics are not part of it; they are derived from events, so importing a document
 * produces the events that set these fields ({@link #toEvents}).
 *
 * <p>Holds personal data in clear ({@link #name()}, {@link #birthday()}); {@link #toString()} masks it.
 *
 * @param customerId the customer
 * @param identifiers the identifiers (personal ones hashed and masked)
 * @param name the name
 * @param gender the gender
 * @param birthday the birthday
 * @param ageBand a supplied age band
 * @param city the city
 * @param region the region
 * @param memberSince when the customer joined
 * @param registrationChannel through which channel
 * @param levelHistory member levels, oldest first
 * @param owningStaff the owning staff member
 * @param noPersonalisedMarketing the PIPL art. 24 flag
 * @param tags manual and imported tags
 * @param consents every consent record, oldest first
 * @param custom host-defined attributes in text form
 * @param erasedAt when the customer was erased
 */
public record ProfileDocument(
    CustomerId customerId, List<Identifier> identifiers, @Nullable String name, @Nullable Gender gender,
    @Nullable LocalDate birthday, @Nullable String ageBand, @Nullable String city, @Nullable String region,
    @Nullable Instant memberSince, @Nullable String registrationChannel, List<LevelChange> levelHistory,
    @Nullable StaffId owningStaff, boolean noPersonalisedMarketing, List<String> tags, List<Consent> consents,
    Map<String, String> custom, @Nullable Instant erasedAt) {

  /** Copies the collections. */
  public ProfileDocument {
    identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    levelHistory = levelHistory == null ? List.of() : List.copyOf(levelHistory);
    tags = tags == null ? List.of() : List.copyOf(tags);
    consents = consents == null ? List.of() : List.copyOf(consents);
    custom = custom == null ? Map.of() : Map.copyOf(custom);
    if (customerId == null) {
      throw new IllegalArgumentException("customerId: is required, but was missing");
    }
  }

  /** The document of {@code profile}. */
  public static ProfileDocument of(CustomerProfile profile) {
    ProfileFields f = profile.fields();
    Map<String, String> custom = new TreeMap<>();
    f.custom.forEach((k, v) -> custom.put(k, v.value()));
    return new ProfileDocument(profile.id(), List.copyOf(profile.identifiers()), ProfileFields.value(f.name),
        ProfileFields.value(f.gender), ProfileFields.value(f.birthday), ProfileFields.value(f.ageBand),
        ProfileFields.value(f.city), ProfileFields.value(f.region), f.memberSince, f.registrationChannel,
        List.of(f.levels), ProfileFields.value(f.owner), profile.noPersonalisedMarketing(),
        List.copyOf(profile.tags()), List.of(f.consents), custom, profile.erasedAt().orElse(null));
  }

  /**
   * The events that set this document's fields on import: a membership join at {@link #memberSince()}, one profile
   * update per level change, one profile update at {@code at} for the other fields, one consent change per consent
   * record. Event ids are {@code idPrefix + customerId + ":"} and what the event sets: a fingerprint of the fields for
   * the update, the instant and the value for a level or a consent. Importing the same document twice therefore
   * changes nothing, and importing a later export of the customer applies what changed since.
   */
  public List<CustomerEvent> toEvents(String idPrefix, Instant at) {
    if (identifiers.isEmpty()) {
      throw new IllegalArgumentException("identifiers: a profile needs at least one identifier to import, but had none");
    }
    List<CustomerEvent> events = new ArrayList<>();
    String base = idPrefix + customerId.value() + ":";
    if (memberSince != null) {
      events.add(new MembershipJoined(base + "joined", memberSince, at,
          registrationChannel == null ? "import" : registrationChannel, identifiers, null));
    }
    for (LevelChange level : levelHistory) {
      events.add(ProfileUpdated.of(base + "level:" + fingerprint(level.since(), level.level()), level.since(),
          "import", identifiers).withMemberLevel(level.level()));
    }
    ProfileUpdated update = new ProfileUpdated(base + "fields:" + fieldsFingerprint(), at, at, "import", identifiers,
        name, gender, birthday, ageBand, city, region, null, owningStaff, noPersonalisedMarketing, tags, List.of(),
        custom);
    events.add(update);
    for (Consent c : consents) {
      events.add(new ConsentChanged(
          base + "consent:" + fingerprint(c.recordedAt(), c.channel(), c.purpose(), c.status(), c.source()),
          c.recordedAt(), at, c.source(), identifiers, c.channel(), c.purpose(), c.status()));
    }
    return events;
  }

  /** A fingerprint of the fields the profile update of {@link #toEvents} sets. */
  private String fieldsFingerprint() {
    return fingerprint(name, gender, birthday, ageBand, city, region, owningStaff, noPersonalisedMarketing, tags,
        custom);
  }

  /**
   * 64 bits of hex over the values' texts, each with its length, so that no two lists of values share a text. Only
   * tells documents apart: it holds too little to recover a name or a birthday from an event id.
   */
  private static String fingerprint(@Nullable Object... values) {
    Hasher hasher = Hashing.farmHashFingerprint64().newHasher();
    for (Object value : values) {
      String text = String.valueOf(value);
      hasher.putInt(value == null ? -1 : text.length()).putString(text, StandardCharsets.UTF_8);
    }
    return hasher.hash().toString();
  }

  /** Name and birthday masked. */
  @Override
  public String toString() {
    return "ProfileDocument[customerId=" + customerId + ", identifiers=" + identifiers
        + (name == null ? "" : ", name=****") + (birthday == null ? "" : ", birthday=****") + ", tags=" + tags + "]";
  }
}
