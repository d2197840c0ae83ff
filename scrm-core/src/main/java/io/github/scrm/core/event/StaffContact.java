package io.github.scrm.core.event;

import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.staff.StaffId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An outbound message a staff member sent to the customer.
 *
 * @param eventId the idempotency key
 * @param occurredAt when it was sent
 * @param receivedAt when the host received the event
 * @param sourceChannel the system that reported it
 * @param identifiers the customer's identifiers
 * @param staff who sent it
 * @param channel the channel it went out on
 * @param purpose why
 * @param campaignId the campaign, for marketing messages
 */
public record StaffContact(
    String eventId, Instant occurredAt, Instant receivedAt, String sourceChannel, List<Identifier> identifiers,
    StaffId staff, ContactChannel channel, ContactPurpose purpose, @Nullable String campaignId)
    implements CustomerEvent {

  /** Validates the fields. */
  public StaffContact {
    Check.common(eventId, occurredAt, receivedAt, sourceChannel);
    identifiers = Check.identifiers(identifiers);
    Check.required(staff, "staff");
    Check.required(channel, "channel");
    Check.required(purpose, "purpose");
    Check.optionalText(campaignId, "campaignId");
  }
}
