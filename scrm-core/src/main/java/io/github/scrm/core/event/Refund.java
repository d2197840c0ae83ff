package io.github.scrm.core.event;

import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.money.Money;
import java.time.Instant;
import java.util.List;

/**
 * Money returned for an order: in full ({@link #lines()} empty) or for some lines. The refunded amount is subtracted
 * from the spend of the order (its windows follow the order's time); the refund itself counts at its own time.
 *
 * @param eventId the idempotency key
 * @param occurredAt when the refund was made
 * @param receivedAt when the host received the event
 * @param sourceChannel the system that reported it
 * @param identifiers the customer's identifiers
 * @param orderId the refunded order
 * @param lines the refunded lines; empty for a full refund
 * @param amount the amount returned, not negative
 */
public record Refund(
    String eventId, Instant occurredAt, Instant receivedAt, String sourceChannel, List<Identifier> identifiers,
    String orderId, List<RefundLine> lines, Money amount) implements CustomerEvent {

  /** Validates the fields. */
  public Refund {
    Check.common(eventId, occurredAt, receivedAt, sourceChannel);
    identifiers = Check.identifiers(identifiers);
    Check.text(orderId, "orderId");
    lines = Check.list(lines, "lines");
    Check.nonNegative(amount, "amount");
  }

  /** Whether the whole order was refunded. */
  public boolean full() {
    return lines.isEmpty();
  }
}
