package io.github.scrm.core.event;

import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.staff.StaffId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order placed and paid.
 *
 * @param eventId the idempotency key
 * @param occurredAt when the order was paid
 * @param receivedAt when the host received the event
 * @param sourceChannel the system that reported it ({@code erp}, {@code store-pos})
 * @param identifiers the customer's identifiers
 * @param orderId the order id, unique per host
 * @param lines the order lines, at least one
 * @param paidAmount what the customer paid, not negative, in the currency of the lines
 * @param couponCodes coupon codes redeemed on the order
 * @param channel the sales channel ({@code store}, {@code miniprogram}, {@code tmall}, {@code douyin-shop})
 * @param store the store, for store and store-attributed orders
 * @param staff the staff member who served the customer
 */
public record Purchase(
    String eventId, Instant occurredAt, Instant receivedAt, String sourceChannel, List<Identifier> identifiers,
    String orderId, List<PurchaseLine> lines, Money paidAmount, List<String> couponCodes, String channel,
    @Nullable String store, @Nullable StaffId staff) implements CustomerEvent {

  /** Validates the fields. */
  public Purchase {
    Check.common(eventId, occurredAt, receivedAt, sourceChannel);
    identifiers = Check.identifiers(identifiers);
    Check.text(orderId, "orderId");
    lines = Check.list(lines, "lines");
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("lines: an order needs at least one line, but was empty");
    }
    Check.nonNegative(paidAmount, "paidAmount");
    for (int i = 0; i < lines.size(); i++) {
      Check.sameCurrency(paidAmount, lines.get(i).unitPrice(), "lines[" + i + "].unitPrice", "paidAmount");
    }
    couponCodes = Check.texts(couponCodes, "couponCodes");
    Check.text(channel, "channel");
    Check.optionalText(store, "store");
  }

  /** Whether any line had a discount or any coupon was used. */
  public boolean discounted() {
    if (!couponCodes.isEmpty()) {
      return true;
    }
    for (PurchaseLine line : lines) {
      if (line.lineDiscount().isPositive()) {
        return true;
      }
    }
    return false;
  }
}
