package io.github.scrm.core.event;

import io.github.scrm.core.identity.Identifier;
import java.time.Instant;
import java.util.List;

/**
 * The customer issued a referral invite (shared a poster or a code).
 *
 * @param eventId the idempotency key
 * @param occurredAt when it was issued
 * @param receivedAt when the host received the event
 * @param sourceChannel the connector that reported it
 * @param identifiers the inviter's identifiers
 * @param programme the referral programme or campaign
 * @param code the invite code
 */
public record ReferralInviteIssued(
    String eventId, Instant occurredAt, Instant receivedAt, String sourceChannel, List<Identifier> identifiers,
    String programme, String code) implements CustomerEvent {

  /** Validates the fields. */
  public ReferralInviteIssued {
    Check.common(eventId, occurredAt, receivedAt, sourceChannel);
    identifiers = Check.identifiers(identifiers);
    Check.text(programme, "programme");
    Check.text(code, "code");
  }
}
