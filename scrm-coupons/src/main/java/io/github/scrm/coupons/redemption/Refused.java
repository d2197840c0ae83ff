package io.github.scrm.coupons.redemption;

import java.util.List;

/**
 * Nothing was reserved or redeemed.
 *
 * @param reason the first reason
 * @param message a sentence for the customer or operator
 * @param verdicts the per-coupon verdicts when the refusal came from validation (empty otherwise)
 */
public record Refused(Rejection reason, String message, List<Verdict> verdicts) implements ReserveResult, RedeemResult {

  /** Copies the verdicts. */
  public Refused {
    verdicts = List.copyOf(verdicts);
  }
}
