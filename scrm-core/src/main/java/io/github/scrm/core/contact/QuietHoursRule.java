package io.github.scrm.core.contact;

import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.spi.ContactSubject;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * No contact for the given purposes between {@code start} (inclusive) and {@code end} (exclusive) in the customer's
 * zone, or the business zone when the customer has none; {@code start} after {@code end} spans midnight.
 */
record QuietHoursRule(String name, LocalTime start, LocalTime end, Set<ContactPurpose> purposes)
    implements ContactRule {

  QuietHoursRule {
    if (start.equals(end)) {
      throw new IllegalArgumentException("quiet hours must have start different from end, but both were " + start);
    }
    purposes = Set.copyOf(purposes);
  }

  @Override
  public Optional<ContactDecision.Denied> judge(ContactRequest request, ContactSubject subject, ZoneId businessZone) {
    if (!purposes.contains(request.purpose())) {
      return Optional.empty();
    }
    ZoneId zone = subject.zone().orElse(businessZone);
    LocalTime local = LocalTime.ofInstant(request.instant(), zone);
    if (isQuiet(local)) {
      return Optional.of(new ContactDecision.Denied(DenialReason.QUIET_HOURS, name,
          "no " + request.purpose() + " contact from " + start + " to " + end + " in " + zone.getId()
              + ", but local time was " + local));
    }
    return Optional.empty();
  }

  boolean isQuiet(LocalTime local) {
    if (start.isBefore(end)) {
      return !local.isBefore(start) && local.isBefore(end);
    }
    return !local.isBefore(start) || local.isBefore(end);
  }
}
