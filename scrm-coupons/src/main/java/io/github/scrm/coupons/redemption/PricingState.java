package io.github.scrm.coupons.redemption;

import io.github.scrm.coupons.order.Order;
import io.github.scrm.coupons.order.OrderLine;

/**
 * The amounts still payable while coupons are applied one by one in application order. Applying a coupon computes its
 * discount from the threshold base and discount base of its eligible lines, caps it so that the goods payable stays
 * at or above the floor, and allocates it over the eligible lines by largest remainder.
 */
final class PricingState {
  final long[] gross;
  final long[] remaining;
  long shipping;
  long goodsPayable;
  final long floorFen;
  /**
   * Goods discounts applied without a per-line split (search only): valid while every later candidate's eligible
   * lines include the lines of every deferred coupon, so each later base is its line sum less this amount.
   */
  long deferred;

  PricingState(Order order, long floorFen) {
    int n = order.lines().size();
    gross = new long[n];
    remaining = new long[n];
    for (int i = 0; i < n; i++) {
      OrderLine l = order.lines().get(i);
      gross[i] = l.grossFen();
      remaining[i] = l.netFen();
      goodsPayable += remaining[i];
    }
    shipping = order.shipping().minorUnits();
    this.floorFen = floorFen;
  }

  private PricingState(PricingState other) {
    gross = other.gross;
    remaining = other.remaining.clone();
    shipping = other.shipping;
    goodsPayable = other.goodsPayable;
    floorFen = other.floorFen;
    deferred = other.deferred;
  }

  PricingState copy() {
    return new PricingState(this);
  }

  /** The threshold base the candidate sees now. */
  long thresholdBase(Candidate c) {
    long[] source = c.before ? gross : remaining;
    long sum = 0;
    for (int i = 0; i < source.length; i++) {
      if (c.eligible[i]) {
        sum += source[i];
      }
    }
    return c.before ? sum : sum - deferred;
  }

  /** The discount {@code c} gives now, without applying it. */
  long discount(Candidate c) {
    long base = -deferred;
    for (int i = 0; i < remaining.length; i++) {
      if (c.eligible[i]) {
        base += remaining[i];
      }
    }
    long d = c.template.benefit().discount(thresholdBase(c), base, shipping);
    if (!c.template.benefit().shipping()) {
      d = Math.min(d, Math.max(0, goodsPayable - floorFen));
    }
    return Math.max(0, d);
  }

  /** Applies {@code c}: writes its per-line allocation into {@code allocation} and returns its discount. */
  long apply(Candidate c, long[] allocation) {
    if (deferred != 0) {
      throw new IllegalStateException("a split after deferred discounts would use wrong line amounts");
    }
    long d = discount(c);
    if (c.template.benefit().shipping()) {
      java.util.Arrays.fill(allocation, 0);
      shipping -= d;
      return d;
    }
    LargestRemainder.split(d, remaining, c.eligible, allocation);
    for (int i = 0; i < remaining.length; i++) {
      remaining[i] -= allocation[i];
    }
    goodsPayable -= d;
    return d;
  }

  /** Applies {@code c} without splitting it over lines; only for candidates the search marked deferrable. */
  long applyDeferred(Candidate c) {
    long d = discount(c);
    if (c.template.benefit().shipping()) {
      shipping -= d;
    } else {
      deferred += d;
      goodsPayable -= d;
    }
    return d;
  }

  long payable() {
    return goodsPayable + shipping;
  }
}
