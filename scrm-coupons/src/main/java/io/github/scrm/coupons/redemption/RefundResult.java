package io.github.scrm.coupons.redemption;

import io.github.scrm.core.money.Money;
import io.github.scrm.coupons.code.CouponCode;
import java.util.List;

/** What {@link Redemption#refund} did. */
public sealed interface RefundResult {

  /**
   * The refund was applied (or, for a repeated key, had been).
   *
   * @param discountReturned the refunded lines' share of the coupon discounts, as allocated at redemption
   * @param clawback discount taken back because the kept lines fell below a threshold (policy CLAW_BACK), at most
   *     what the refunded lines pay back before it; the kept lines' refund later returns the rest that much less
   * @param refundAmount what to pay back for the refunded lines: their amount after other discounts, less their
   *     coupon share, less the clawback, never below zero
   * @param restored coupons made usable again (full refund only)
   * @param fullyRefunded whether every line of the order is now refunded
   * @param notRestored coupons of a full refund that stay used: the policy is {@code NEVER}, their window had
   *     ended ({@code IF_STILL_VALID}) or their campaign had ended ({@code WITH_NEW_EXPIRY} never reaches beyond
   *     the campaign's end); empty for a partial refund
   */
  record Refunded(Money discountReturned, Money clawback, Money refundAmount, List<CouponCode> restored,
      boolean fullyRefunded, List<CouponCode> notRestored) implements RefundResult {
    /** Copies the lists. */
    public Refunded {
      restored = List.copyOf(restored);
      notRestored = List.copyOf(notRestored);
    }

    /** A refund that leaves no coupon of a full refund unrestored. */
    public Refunded(Money discountReturned, Money clawback, Money refundAmount, List<CouponCode> restored,
        boolean fullyRefunded) {
      this(discountReturned, clawback, refundAmount, restored, fullyRefunded, List.of());
    }
  }

  /** Nothing changed; {@code message} says why (no paid redemption, unknown line, quantity too large). */
  record NotRefundable(String message) implements RefundResult {}
}
