package io.github.scrm.coupons.redemption;

import io.github.scrm.core.money.Money;
import io.github.scrm.coupons.internal.LineAmounts;
import io.github.scrm.coupons.order.Order;
import io.github.scrm.coupons.spi.CouponUse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Applies chosen candidates in application order and describes the result as a {@link Quote}. */
final class Pricer {
  private Pricer() {}

  /** The priced combination; {@code chosen} must be in application order. */
  static Priced price(Order order, List<Candidate> chosen, long floorFen, List<String> explanation) {
    return price(order, chosen, floorFen, explanation, true);
  }

  /** As above; {@code withUses} false skips the store's view when only the quote is needed. */
  static Priced price(Order order, List<Candidate> chosen, long floorFen, List<String> explanation,
      boolean withUses) {
    PricingState state = new PricingState(order, floorFen);
    long[] alloc = new long[order.lines().size()];
    List<AppliedCoupon> applied = new ArrayList<>();
    List<CouponUse> uses = new ArrayList<>();
    long total = 0;
    for (Candidate c : chosen) {
      long d = state.apply(c, alloc);
      total += d;
      // built immutable here, so that the quote and the use keep them instead of copying them
      Map<String, Money> money;
      Map<String, Long> fen;
      if (c.template.benefit().shipping()) {
        money = Map.of(Quote.SHIPPING, Money.of(d, order.currency()));
        fen = Map.of(Quote.SHIPPING, d);
      } else {
        int n = 0;
        int eligible = 0;
        for (int i = 0; i < alloc.length; i++) {
          if (alloc[i] != 0) {
            n++;
          }
          if (c.eligible[i]) {
            eligible++;
          }
        }
        @SuppressWarnings("unchecked")
        Map.Entry<String, Money>[] moneyEntries = new Map.Entry[n];
        String[] lines = new String[eligible];
        long[] fenValues = new long[eligible];
        int k = 0;
        int e = 0;
        for (int i = 0; i < alloc.length; i++) {
          String line = order.lines().get(i).lineId();
          if (alloc[i] != 0) {
            moneyEntries[k++] = Map.entry(line, Money.of(alloc[i], order.currency()));
          }
          // the store's view names every line the scope covers, also with a zero share: a partial refund checks the
          // threshold against the kept eligible lines, and a line whose share rounded to zero still counts there
          if (c.eligible[i]) {
            lines[e] = line;
            fenValues[e++] = alloc[i];
          }
        }
        money = Map.ofEntries(moneyEntries);
        // the store keeps the use as long as the reservation: a compact map
        fen = LineAmounts.of(lines, fenValues, 0);
      }
      applied.add(new AppliedCoupon(c.coupon.code(), c.template.name(), c.stacking.level(),
          Money.of(d, order.currency()), money));
      if (withUses) {
        uses.add(new CouponUse(c.coupon.code(), c.coupon.campaign(), d, fen));
      }
    }
    Quote quote = new Quote(applied, Money.of(total, order.currency()), Money.of(state.payable(), order.currency()),
        explanation);
    return new Priced(quote, uses);
  }

  /** A quote and the store's view of the same uses. */
  record Priced(Quote quote, List<CouponUse> uses) {}
}
