package io.github.scrm.coupons.redemption;

/** Why a coupon cannot be used on an order. */
public enum Rejection {
  /**
   * No usable coupon with this code for this customer. A wrong code and another customer's code get exactly this
   * answer, so that answers do not help guess codes.
   */
  NOT_FOUND,
  /** The coupon's window has not started. */
  NOT_YET_VALID,
  /** The coupon's window has ended (or the campaign ended). */
  EXPIRED,
  /** Outside the coupon's weekday or hour-of-day window. */
  OUTSIDE_USAGE_WINDOW,
  /** The eligible amount is below the threshold; the verdict says how much is missing (差¥X). */
  BELOW_THRESHOLD,
  /** The store, the channel or every line is outside the coupon's scope. */
  OUT_OF_SCOPE,
  /** Already used on another order. */
  USED,
  /** Held by another order's reservation. */
  IN_USE,
  /** The coupon or its campaign is frozen, paused or revoked. */
  FROZEN,
  /** It cannot be combined with the other coupons chosen (same group, exclusive, too many). */
  STACKING_CONFLICT,
  /** Usable in principle but gives no discount on this order (e.g. the payable floor is reached). */
  NO_DISCOUNT,
  /** The campaign's budget for granted discount is used up. */
  BUDGET_EXHAUSTED,
  /**
   * The order already holds coupons in another reservation that is active or confirmed: one order has one live
   * coupon reservation, so release it first (an unpaid order) to reserve other coupons.
   */
  ORDER_ALREADY_RESERVED,
  /** The reservation key was first used for another order; use a new key per reservation. */
  IDEMPOTENCY_KEY_CONFLICT,
  /**
   * The reservation with this key was released or its TTL passed, so it holds no coupons any more; reserve again with
   * a new key.
   */
  RESERVATION_ENDED
}
