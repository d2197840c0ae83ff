package io.github.scrm.coupons.spi;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.coupons.internal.LineAmounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Coupons held for one order until it is paid (confirm) or cancelled (release), or the TTL passes.
 *
 * @param id the reservation id, which is also the reserve call's idempotency key
 * @param orderId the order
 * @param customer the buyer
 * @param uses the coupons and their allocated discounts
 * @param lineQuantities line id to ordered quantity, for partial refunds
 * @param lineNetFen line id to the line amount after other discounts, before coupons
 * @param gmvFen the order's goods amount after other discounts, for reports
 * @param createdAt when it was reserved
 * @param expiresAt the end of the TTL, exclusive: confirming at or after it fails
 * @param state the state
 * @param refunds refunds applied after confirmation
 * @param version incremented by every change
 */
public record Reservation(
    String id,
    String orderId,
    CustomerId customer,
    List<CouponUse> uses,
    Map<String, Long> lineQuantities,
    Map<String, Long> lineNetFen,
    long gmvFen,
    Instant createdAt,
    Instant expiresAt,
    State state,
    List<RefundRecord> refunds,
    long version) {

  /** The life cycle of a reservation. */
  public enum State {
    /** Holding its coupons. */
    ACTIVE,
    /** Paid: its coupons are redeemed. */
    CONFIRMED,
    /** Cancelled: its coupons are available again. */
    RELEASED,
    /** Its TTL passed before confirmation: its coupons are available again. */
    EXPIRED
  }

  /** Copies the collections. */
  public Reservation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(state, "state");
    uses = List.copyOf(uses);
    lineQuantities = LineAmounts.copyOf(lineQuantities);
    lineNetFen = LineAmounts.copyOf(lineNetFen);
    refunds = List.copyOf(refunds);
  }

  /** A copy in {@code next} state, version + 1. */
  public Reservation with(State next) {
    return new Reservation(id, orderId, customer, uses, lineQuantities, lineNetFen, gmvFen, createdAt, expiresAt,
        next, refunds, version + 1);
  }

  /** A copy with {@code refund} appended, version + 1. */
  public Reservation withRefund(RefundRecord refund) {
    List<RefundRecord> all = new java.util.ArrayList<>(refunds);
    all.add(refund);
    return new Reservation(id, orderId, customer, uses, lineQuantities, lineNetFen, gmvFen, createdAt, expiresAt,
        state, all, version + 1);
  }

  /** The total discount of all uses. */
  public long discountFen() {
    long sum = 0;
    for (CouponUse u : uses) {
      sum += u.discountFen();
    }
    return sum;
  }

  /** Quantity of {@code lineId} refunded so far. */
  public long refundedQuantity(String lineId) {
    long sum = 0;
    for (RefundRecord r : refunds) {
      sum += r.lineQuantities().getOrDefault(lineId, 0L);
    }
    return sum;
  }
}
