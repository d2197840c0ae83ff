package io.github.scrm.core.profile;

import com.google.common.collect.ImmutableMap;
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
import java.util.LinkedHashMap;
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
 * @param setAt when each value was set: a field's name ({@code name}, {@code gender}, {@code birthday},
 *     {@code ageBand}, {@code city}, {@code region}, {@code owningStaff}, {@code noPersonalisedMarketing}),
 *     {@code tags:} and a tag, or {@code custom:} and an attribute's name; a value without an entry is taken as set
 *     at the time of the import
 */
public record ProfileDocument(
    CustomerId customerId, List<Identifier> identifiers, @Nullable String name, @Nullable Gender gender,
    @Nullable LocalDate birthday, @Nullable String ageBand, @Nullable String city, @Nullable String region,
    @Nullable Instant memberSince, @Nullable String registrationChannel, List<LevelChange> levelHistory,
    @Nullable StaffId owningStaff, boolean noPersonalisedMarketing, List<String> tags, List<Consent> consents,
    Map<String, String> custom, @Nullable Instant erasedAt, Map<String, Instant> setAt) {

  /** The names {@link #setAt()} may give without a prefix. */
  private static final List<String> TIMED_FIELDS = List.of("name", "gender", "birthday", "ageBand", "city", "region",
      "owningStaff", "noPersonalisedMarketing");
  private static final String TAG = "tags:";
  private static final String CUSTOM = "custom:";

  /** Copies the collections and checks that {@link #setAt()} names only values the document holds. */
  public ProfileDocument {
    identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    levelHistory = levelHistory == null ? List.of() : List.copyOf(levelHistory);
    tags = tags == null ? List.of() : List.copyOf(tags);
    consents = consents == null ? List.of() : List.copyOf(consents);
    custom = custom == null ? Map.of() : Map.copyOf(custom);
    setAt = setAt == null ? Map.of() : ImmutableMap.copyOf(new TreeMap<>(setAt));
    if (customerId == null) {
      throw new IllegalArgumentException("customerId: is required, but was missing");
    }
    for (String key : setAt.keySet()) {
      boolean known = key.startsWith(TAG) ? tags.contains(key.substring(TAG.length()))
          : key.startsWith(CUSTOM) ? custom.containsKey(key.substring(CUSTOM.length()))
          : TIMED_FIELDS.contains(key);
      if (!known) {
        throw new IllegalArgumentException("setAt/" + key + ": must name a field, tag or custom attribute the "
            + "document holds (" + String.join(", ", TIMED_FIELDS) + ", tags:<tag>, custom:<name>), but does not");
      }
    }
  }

  /** The document of {@code profile}. */
  public static ProfileDocument of(CustomerProfile profile) {
    ProfileFields f = profile.fields();
    Map<String, String> custom = new TreeMap<>();
    Map<String, Instant> setAt = new TreeMap<>();
    f.custom.forEach((k, v) -> {
      custom.put(k, v.value());
      setAt.put(CUSTOM + k, v.at());
    });
    f.tags.forEach((tag, v) -> {
      if (v.value()) {
        setAt.put(TAG + tag, v.at());
      }
    });
    putTime(setAt, "name", f.name);
    putTime(setAt, "gender", f.gender);
    putTime(setAt, "birthday", f.birthday);
    putTime(setAt, "ageBand", f.ageBand);
    putTime(setAt, "city", f.city);
    putTime(setAt, "region", f.region);
    putTime(setAt, "owningStaff", f.owner);
    putTime(setAt, "noPersonalisedMarketing", f.noPersonalisedMarketing);
    return new ProfileDocument(profile.id(), List.copyOf(profile.identifiers()), ProfileFields.value(f.name),
        ProfileFields.value(f.gender), ProfileFields.value(f.birthday), ProfileFields.value(f.ageBand),
        ProfileFields.value(f.city), ProfileFields.value(f.region), f.memberSince, f.registrationChannel,
        List.of(f.levels), ProfileFields.value(f.owner), profile.noPersonalisedMarketing(),
        List.copyOf(profile.tags()), List.of(f.consents), custom, profile.erasedAt().orElse(null), setAt);
  }

  private static void putTime(Map<String, Instant> setAt, String field, @Nullable Latest<?> value) {
    if (value != null) {
      setAt.put(field, value.at());
    }
  }

  /**
   * The events that set this document's fields on import: a membership join at {@link #memberSince()}, one profile
   * update per level change, one profile update per instant in {@link #setAt()} for the values set then, one at
   * {@code at} for the values it gives no time, and one consent change per consent record. Each value thus keeps the
   * time it was set, so an event the host sends later that set the field in between still wins, as it would have
   * without the export. Event ids are {@code idPrefix + customerId + ":"} and what the event sets: a fingerprint of
   * the values (and their instant) for an update, the instant and the value for a level or a consent. Importing the
   * same document twice therefore changes nothing, and importing a later export of the customer applies what changed
   * since.
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
    // the values by the instant they were set: each instant is one update, the values without one another
    Map<String, @Nullable Object> values = new LinkedHashMap<>();
    values.put("name", name);
    values.put("gender", gender);
    values.put("birthday", birthday);
    values.put("ageBand", ageBand);
    values.put("city", city);
    values.put("region", region);
    values.put("owningStaff", owningStaff);
    // false is what a customer has until told otherwise: set without a time, it would override a later opt-out
    values.put("noPersonalisedMarketing", noPersonalisedMarketing || setAt.containsKey("noPersonalisedMarketing")
        ? noPersonalisedMarketing : null);
    tags.forEach(tag -> values.put(TAG + tag, Boolean.TRUE));
    custom.forEach((key, value) -> values.put(CUSTOM + key, value));
    Map<Instant, Fields> byTime = new TreeMap<>();
    Fields untimed = new Fields();
    values.forEach((key, value) -> {
      if (value != null) {
        Instant time = setAt.get(key);
        (time == null ? untimed : byTime.computeIfAbsent(time, t -> new Fields())).add(key, value);
      }
    });
    byTime.forEach((time, fields) ->
        events.add(fields.update(base + "fields:" + fingerprint(time, fields.fingerprint()), time, at)));
    if (!untimed.isEmpty() || byTime.isEmpty()) {
      // the id a document without times has always had; with nothing else to set, the update still makes the customer
      if (untimed.isEmpty()) {
        untimed.add("noPersonalisedMarketing", Boolean.FALSE);
      }
      events.add(untimed.update(base + "fields:" + untimed.fingerprint(), at, at));
    }
    for (Consent c : consents) {
      events.add(new ConsentChanged(
          base + "consent:" + fingerprint(c.recordedAt(), c.channel(), c.purpose(), c.status(), c.source()),
          c.recordedAt(), at, c.source(), identifiers, c.channel(), c.purpose(), c.status()));
    }
    return events;
  }

  /** The values one profile update of {@link #toEvents} sets. */
  private final class Fields {
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<String> tags = new ArrayList<>();
    // sorted: the text of a map in no fixed order would give the same values another id in another process
    private final Map<String, String> customs = new TreeMap<>();

    void add(String key, Object value) {
      if (key.startsWith(TAG)) {
        tags.add(key.substring(TAG.length()));
      } else if (key.startsWith(CUSTOM)) {
        customs.put(key.substring(CUSTOM.length()), (String) value);
      } else {
        fields.put(key, value);
      }
    }

    boolean isEmpty() {
      return fields.isEmpty() && tags.isEmpty() && customs.isEmpty();
    }

    /** A fingerprint of the values, in the order and form documents without times gave it. */
    String fingerprint() {
      return ProfileDocument.fingerprint(fields.get("name"), fields.get("gender"), fields.get("birthday"),
          fields.get("ageBand"), fields.get("city"), fields.get("region"), fields.get("owningStaff"),
          fields.getOrDefault("noPersonalisedMarketing", Boolean.FALSE), tags, customs);
    }

    ProfileUpdated update(String eventId, Instant occurredAt, Instant receivedAt) {
      return new ProfileUpdated(eventId, occurredAt, receivedAt, "import", identifiers,
          (String) fields.get("name"), (Gender) fields.get("gender"), (LocalDate) fields.get("birthday"),
          (String) fields.get("ageBand"), (String) fields.get("city"), (String) fields.get("region"), null,
          (StaffId) fields.get("owningStaff"), (Boolean) fields.get("noPersonalisedMarketing"), tags, List.of(),
          customs);
    }
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
