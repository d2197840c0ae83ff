package io.github.scrm.core.event;

import io.github.scrm.core.identity.Identifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A new influence score for the customer, written by the key-opinion-customer ranking; the latest by
 * {@link #occurredAt()} is {@code social.influence}.
 *
 * @param eventId the idempotency key
 * @param occurredAt when the score was computed
 * @param receivedAt when it was recorded
 * @param sourceChannel the component that computed it ({@code referral})
 * @param identifiers the customer's identifiers
 * @param score 0 to 100
 */
public record InfluenceScored(
    String eventId, Instant occurredAt, Instant receivedAt, String sourceChannel, List<Identifier> identifiers,
    BigDecimal score) implements CustomerEvent {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Validates the fields. */
  public InfluenceScored {
    Check.common(eventId, occurredAt, receivedAt, sourceChannel);
    identifiers = Check.identifiers(identifiers);
    Check.required(score, "score");
    if (score.signum() < 0 || score.compareTo(HUNDRED) > 0) {
      throw new IllegalArgumentException("score: must be between 0 and 100, but was " + score.toPlainString());
    }
  }
}
