package io.github.scrm.coupons.campaign;

/**
 * The state of one issued coupon. A coupon past its window is unusable whatever its state; {@link #EXPIRED} is set
 * by the expiry sweep ({@code Campaigns.expireDue}) so that the ledger records the expiry.
 */
public enum CouponStatus {
  /** Held by a customer, usable within its window. */
  AVAILABLE,
  /** Held for an order until the reservation is confirmed, released or expires. */
  RESERVED,
  /** Used on an order. */
  REDEEMED,
  /**
   * Made unusable by a freeze; resuming what froze it (the campaign, or the batch for a batch freeze) makes it
   * available again.
   */
  FROZEN,
  /** Void for good. */
  REVOKED,
  /** Passed its window unused; recorded by the expiry sweep. */
  EXPIRED
}
