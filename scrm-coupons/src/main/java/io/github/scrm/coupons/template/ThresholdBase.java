package io.github.scrm.coupons.template;

/** Which eligible amount a coupon's threshold is compared with. */
public enum ThresholdBase {
  /**
   * The default: the eligible amount after the order's other discounts and after coupons applied earlier in the
   * stacking order.
   */
  AFTER_DISCOUNTS,
  /** The eligible amount at list price, before any other discount. */
  BEFORE_DISCOUNTS
}
