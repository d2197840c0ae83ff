package io.github.scrm.coupons.issuance;

import io.github.scrm.coupons.campaign.Coupon;

/** What a transfer did. */
public sealed interface TransferResult {

  /** The coupon now belongs to the receiver (also returned for a repeat of the same transfer). */
  record Transferred(Coupon coupon) implements TransferResult {}

  /**
   * Nothing changed; {@code message} says why (not transferable, already transferred once, not the holder's, used).
   */
  record NotTransferred(String message) implements TransferResult {}
}
