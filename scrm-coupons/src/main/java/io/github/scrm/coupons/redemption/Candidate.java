package io.github.scrm.coupons.redemption;

import io.github.scrm.coupons.campaign.Coupon;
import io.github.scrm.coupons.order.Order;
import io.github.scrm.coupons.template.CouponTemplate;
import io.github.scrm.coupons.template.Stacking;
import io.github.scrm.coupons.template.ThresholdBase;
import java.util.Comparator;

/** A coupon with its template and the order lines it covers, ready for pricing. */
final class Candidate {
  /** Shop before platform, goods before shipping, then template id and code: the documented application order. */
  static final Comparator<Candidate> APPLICATION_ORDER = Comparator
      .comparingInt((Candidate c) -> c.rank)
      .thenComparing(c -> c.template.id())
      .thenComparing(c -> c.coupon.code().value());

  final Coupon coupon;
  final CouponTemplate template;
  final boolean[] eligible;
  final boolean before;
  final Stacking stacking;
  /** Level first, then goods before shipping. */
  final int rank;

  Candidate(Coupon coupon, CouponTemplate template, Order order) {
    this.coupon = coupon;
    this.template = template;
    this.stacking = template.stacking();
    this.before = template.thresholdBase() == ThresholdBase.BEFORE_DISCOUNTS;
    this.rank = stacking.level().ordinal() * 2 + (template.benefit().shipping() ? 1 : 0);
    this.eligible = new boolean[order.lines().size()];
    for (int i = 0; i < eligible.length; i++) {
      eligible[i] = template.scope().covers(order.lines().get(i));
    }
  }

  boolean anyEligible() {
    for (boolean b : eligible) {
      if (b) {
        return true;
      }
    }
    return false;
  }
}
