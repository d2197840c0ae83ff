package io.github.scrm.core.event;

import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.staff.StaffId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Profile fields changed. Only the fields present (non-null) change; for each field the update with the latest
 * {@link #occurredAt()} wins (ties by event id), so the arrival order does not matter.
 *
 * <p>{@link #name()} and {@link #birthday()} are personal data: {@link #toString()} masks them.
 *
 * @param eventId the idempotency key
 * @param occurredAt when the change was made
 * @param receivedAt when the host received the event
 * @param sourceChannel where the change was made
 * @param identifiers the customer's identifiers
 * @param name the customer's name (personal data)
 * @param gender the stated gender
 * @param birthday the birthday (personal data)
 * @param ageBand an age band such as {@code 25-34} when no birthday is known
 * @param city the city
 * @param region the region or province
 * @param memberLevel a new member level (recorded in the level history)
 * @param owningStaff the staff member who now owns the customer, as the host reports it; recorded on the profile
 *     only ({@code StaffDirectory} keeps ownership history and answers attribution)
 * @param noPersonalisedMarketing the PIPL art. 24 refusal of personalised marketing, when it changes
 * @param tagsAdded manual or imported tags to add
 * @param tagsRemoved tags to remove
 * @param attributes host-defined custom attributes by name, in their text form (see {@code docs/event-schema.md}),
 *     iterated in the order the caller gave them
 */
public record ProfileUpdated(
    String eventId, Instant occurredAt, Instant receivedAt, String sourceChannel, List<Identifier> identifiers,
    @Nullable String name, @Nullable Gender gender, @Nullable LocalDate birthday, @Nullable String ageBand,
    @Nullable String city, @Nullable String region, @Nullable String memberLevel, @Nullable StaffId owningStaff,
    @Nullable Boolean noPersonalisedMarketing, List<String> tagsAdded, List<String> tagsRemoved,
    Map<String, String> attributes) implements CustomerEvent {

  /** Validates the fields. */
  public ProfileUpdated {
    Check.common(eventId, occurredAt, receivedAt, sourceChannel);
    identifiers = Check.identifiers(identifiers);
    Check.optionalPersonalText(name, "name");
    Check.optionalText(ageBand, "ageBand");
    Check.optionalText(city, "city");
    Check.optionalText(region, "region");
    Check.optionalText(memberLevel, "memberLevel");
    tagsAdded = Check.texts(tagsAdded, "tagsAdded");
    tagsRemoved = Check.texts(tagsRemoved, "tagsRemoved");
    attributes = Check.map(attributes, "attributes");
  }

  /** An update of the given identifiers that changes nothing yet; use the {@code with...} methods. */
  public static ProfileUpdated of(
      String eventId, Instant occurredAt, String sourceChannel, List<Identifier> identifiers) {
    return new ProfileUpdated(eventId, occurredAt, occurredAt, sourceChannel, identifiers, null, null, null, null,
        null, null, null, null, null, List.of(), List.of(), Map.of());
  }

  /** A copy with the name set. */
  public ProfileUpdated withName(String newName) {
    return new ProfileUpdated(eventId, occurredAt, receivedAt, sourceChannel, identifiers, newName, gender, birthday,
        ageBand, city, region, memberLevel, owningStaff, noPersonalisedMarketing, tagsAdded, tagsRemoved, attributes);
  }

  /** A copy with gender and birthday set. */
  public ProfileUpdated withDemographics(@Nullable Gender newGender, @Nullable LocalDate newBirthday) {
    return new ProfileUpdated(eventId, occurredAt, receivedAt, sourceChannel, identifiers, name, newGender,
        newBirthday, ageBand, city, region, memberLevel, owningStaff, noPersonalisedMarketing, tagsAdded, tagsRemoved,
        attributes);
  }

  /** A copy with city and region set. */
  public ProfileUpdated withLocation(@Nullable String newCity, @Nullable String newRegion) {
    return new ProfileUpdated(eventId, occurredAt, receivedAt, sourceChannel, identifiers, name, gender, birthday,
        ageBand, newCity, newRegion, memberLevel, owningStaff, noPersonalisedMarketing, tagsAdded, tagsRemoved,
        attributes);
  }

  /** A copy with a new member level. */
  public ProfileUpdated withMemberLevel(String level) {
    return new ProfileUpdated(eventId, occurredAt, receivedAt, sourceChannel, identifiers, name, gender, birthday,
        ageBand, city, region, level, owningStaff, noPersonalisedMarketing, tagsAdded, tagsRemoved, attributes);
  }

  /** A copy with the owning staff member set. */
  public ProfileUpdated withOwningStaff(StaffId staff) {
    return new ProfileUpdated(eventId, occurredAt, receivedAt, sourceChannel, identifiers, name, gender, birthday,
        ageBand, city, region, memberLevel, staff, noPersonalisedMarketing, tagsAdded, tagsRemoved, attributes);
  }

  /** A copy that sets the no-personalised-marketing flag. */
  public ProfileUpdated withNoPersonalisedMarketing(boolean refused) {
    return new ProfileUpdated(eventId, occurredAt, receivedAt, sourceChannel, identifiers, name, gender, birthday,
        ageBand, city, region, memberLevel, owningStaff, refused, tagsAdded, tagsRemoved, attributes);
  }

  /** A copy that adds and removes tags. */
  public ProfileUpdated withTags(List<String> added, List<String> removed) {
    return new ProfileUpdated(eventId, occurredAt, receivedAt, sourceChannel, identifiers, name, gender, birthday,
        ageBand, city, region, memberLevel, owningStaff, noPersonalisedMarketing, added, removed, attributes);
  }

  /** A copy that sets custom attributes (names to text values). */
  public ProfileUpdated withAttributes(Map<String, String> values) {
    return new ProfileUpdated(eventId, occurredAt, receivedAt, sourceChannel, identifiers, name, gender, birthday,
        ageBand, city, region, memberLevel, owningStaff, noPersonalisedMarketing, tagsAdded, tagsRemoved, values);
  }

  /** Masks the name and birthday. */
  @Override
  public String toString() {
    return "ProfileUpdated[eventId=" + eventId + ", occurredAt=" + occurredAt + ", identifiers=" + identifiers
        + (name == null ? "" : ", name=****") + (birthday == null ? "" : ", birthday=****")
        + (gender == null ? "" : ", gender=" + gender) + (city == null ? "" : ", city=" + city)
        + (memberLevel == null ? "" : ", memberLevel=" + memberLevel)
        + (owningStaff == null ? "" : ", owningStaff=" + owningStaff)
        + (noPersonalisedMarketing == null ? "" : ", noPersonalisedMarketing=" + noPersonalisedMarketing)
        + ", tagsAdded=" + tagsAdded + ", tagsRemoved=" + tagsRemoved + ", attributes=" + attributes.keySet() + "]";
  }
}
