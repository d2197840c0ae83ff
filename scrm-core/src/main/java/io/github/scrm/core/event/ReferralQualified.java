package io.github.scrm.core.event;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import java.time.Instant;
import java.util.List;

/**
 * A referral qualified under its programme's rules, as the referral tracking decided; it is about the inviter, whose
 * identifiers it carries, and counts in {@code referrals.qualified}.
 *
 * @param eventId the idempotency key
 * @param occurredAt when the referral qualified
 * @param receivedAt when it was recorded
 * @param sourceChannel the component that decided it ({@code referral})
 * @param identifiers the inviter's identifiers
 * @param programme the referral programme
 * @param code the invite code
 * @param invitee the invited customer
 */
public record ReferralQualified(
    String eventId, Instant occurredAt, Instant receivedAt, String sourceChannel, List<Identifier> identifiers,
    String programme, String code, CustomerId invitee) implements CustomerEvent {

  /** Validates the fields. */
  public ReferralQualified {
    Check.common(eventId, occurredAt, receivedAt, sourceChannel);
    identifiers = Check.identifiers(identifiers);
    Check.text(programme, "programme");
    Check.text(code, "code");
    Check.required(invitee, "invitee");
  }
}
