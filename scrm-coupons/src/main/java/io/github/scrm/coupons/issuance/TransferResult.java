package io.github.scrm.coupons.issuance;

import io.github.scrm.coupons.campaign.Coupon;

/** What a transfer did. */
public sealed interface TransferResult {

  /** The coupon now belongs to the receiver (also returned for a repeat of the same transfer). */
  record Transferred(Coupon coupon) implements TransferResult {}

  /** Nothing changed, for {@code reason}; {@code message} says it in a sentence. */
  record NotTransferred(TransferRefusal reason, String message) implements TransferResult {}
}
