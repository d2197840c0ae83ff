package io.github.scrm.coupons.redemption;

/** What {@link Redemption#redeem} did. */
public sealed interface RedeemResult permits RedeemResult.Redeemed, Refused {

  /** The coupons are used on the order. A repeat with the same key returns the same. */
  record Redeemed(String reservationId, Quote quote) implements RedeemResult {}
}
