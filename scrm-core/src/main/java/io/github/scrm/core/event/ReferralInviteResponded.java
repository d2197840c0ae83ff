package io.github.scrm.core.event;

import io.github.scrm.core.identity.Identifier;
import java.time.Instant;
import java.util.List;

/**
 * An invitee scanned or accepted an invite. The event is about the invitee: its identifiers are the invitee's.
 *
 * @param eventId the idempotency key
 * @param occurredAt when it happened
 * @param receivedAt when the host received the event
 * @param sourceChannel the connector that reported it
 * @param identifiers the invitee's identifiers
 * @param programme the referral programme or campaign
 * @param code the invite code
 * @param response scanned or accepted
 */
public record ReferralInviteResponded(
    String eventId, Instant occurredAt, Instant receivedAt, String sourceChannel, List<Identifier> identifiers,
    String programme, String code, ReferralResponse response) implements CustomerEvent {

  /** Validates the fields. */
  public ReferralInviteResponded {
    Check.common(eventId, occurredAt, receivedAt, sourceChannel);
    identifiers = Check.identifiers(identifiers);
    Check.text(programme, "programme");
    Check.text(code, "code");
    Check.required(response, "response");
  }
}
