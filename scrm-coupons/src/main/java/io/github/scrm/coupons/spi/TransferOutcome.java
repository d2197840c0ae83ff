package io.github.scrm.coupons.spi;

/** What {@link CouponStore#transfer} did. */
public enum TransferOutcome {
  /** The coupon now belongs to the receiver, who has it counted against their quota. */
  TRANSFERRED,
  /** Nothing changed: the stored coupon is no longer at the expected version (the caller re-reads it). */
  COUPON_CHANGED,
  /** Nothing changed: the receiver's quota is at its limit. */
  RECEIVER_LIMIT
}
