package io.github.scrm.coupons.spi;

import io.github.scrm.coupons.code.CouponCode;

/** What {@link CouponStore#reserve} did. */
public sealed interface ReserveOutcome {

  /** Why a reservation was refused; nothing changed. */
  enum Reason {
    /** A coupon does not exist. */
    UNKNOWN_COUPON,
    /** A coupon is held by another active reservation. */
    IN_USE,
    /** A coupon was already redeemed. */
    USED,
    /** A coupon or its campaign is frozen, paused or revoked. */
    FROZEN,
    /** The campaign's budget for granted discount is used up. */
    BUDGET_EXHAUSTED,
    /** The same reservation id is being reserved by a concurrent call. */
    IN_PROGRESS,
    /**
     * The order has another live reservation (being reserved, active within its TTL, or confirmed); an order holds
     * one live coupon reservation.
     */
    ORDER_ALREADY_RESERVED
  }

  /** All coupons are now reserved. */
  record Reserved(Reservation reservation) implements ReserveOutcome {}

  /** The id was reserved before; the stored reservation is returned unchanged. */
  record Repeated(Reservation reservation) implements ReserveOutcome {}

  /** Nothing changed; {@code code} names the coupon at fault when there is one (empty otherwise). */
  record Refused(Reason reason, String code) implements ReserveOutcome {
    /** The code masked: codes are bearer secrets. */
    @Override
    public String toString() {
      return "Refused[reason=" + reason + ", code=" + (code.isEmpty() ? "" : CouponCode.mask(code)) + "]";
    }
  }
}
