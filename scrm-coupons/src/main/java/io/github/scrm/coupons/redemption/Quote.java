package io.github.scrm.coupons.redemption;

import io.github.scrm.core.money.Money;
import java.util.List;

/**
 * A priced combination of coupons on one order.
 *
 * @param applied the coupons in application order (shop before platform)
 * @param totalDiscount Σ of the coupons' discounts
 * @param payable what the customer pays: goods after other discounts and coupons, plus shipping after free-shipping
 *     coupons; never below the payable floor (unless the order itself is below it)
 * @param explanation one sentence per candidate: why it was chosen or left out
 */
public record Quote(List<AppliedCoupon> applied, Money totalDiscount, Money payable, List<String> explanation) {

  /**
   * The pseudo line id under which a free-shipping coupon's discount is allocated; {@code Order} refuses it as a line
   * id.
   */
  public static final String SHIPPING = io.github.scrm.coupons.order.Order.SHIPPING_LINE_ID;

  /** Copies the lists. */
  public Quote {
    applied = List.copyOf(applied);
    explanation = List.copyOf(explanation);
  }
}
