package io.github.scrm.coupons.campaign;

/** The state of one issued coupon. Expiry is not a state: a coupon past its window is simply not usable. */
public enum CouponStatus {
  /** Held by a customer, usable within its window. */
  AVAILABLE,
  /** Held for an order until the reservation is confirmed, released or expires. */
  RESERVED,
  /** Used on an order. */
  REDEEMED,
  /** Made unusable by a freeze; a resume makes it available again. */
  FROZEN,
  /** Void for good. */
  REVOKED
}
