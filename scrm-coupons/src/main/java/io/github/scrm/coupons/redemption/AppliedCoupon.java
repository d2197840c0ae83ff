package io.github.scrm.coupons.redemption;

import io.github.scrm.core.money.Money;
import io.github.scrm.coupons.code.CouponCode;
import io.github.scrm.coupons.template.Stacking;
import java.util.Map;

/**
 * One coupon in a priced combination.
 *
 * @param code the coupon
 * @param templateName its template's name
 * @param level shop or platform
 * @param discount its discount
 * @param allocation line id to the share of the discount on that line ({@link Quote#SHIPPING} for shipping); the
 *     values sum exactly to {@code discount}
 */
public record AppliedCoupon(
    CouponCode code, String templateName, Stacking.Level level, Money discount, Map<String, Money> allocation) {

  /** Copies the allocation. */
  public AppliedCoupon {
    allocation = Map.copyOf(allocation);
  }
}
