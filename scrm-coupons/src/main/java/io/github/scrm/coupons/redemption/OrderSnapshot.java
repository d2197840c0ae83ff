package io.github.scrm.coupons.redemption;

import io.github.scrm.coupons.internal.LineAmounts;
import io.github.scrm.coupons.order.Order;
import io.github.scrm.coupons.order.OrderLine;
import io.github.scrm.coupons.spi.CouponUse;
import io.github.scrm.coupons.spi.Reservation;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a reservation keeps of its order: line quantities and net amounts, and each coupon's allocation over the
 * lines. The store keeps a reservation as long as it lives, so these maps are built compact: one id array (shared by
 * the allocations that cover every line, in line order) and one value array serve them all.
 */
final class OrderSnapshot {
  private OrderSnapshot() {}

  /** A new {@code ACTIVE} reservation of {@code uses} on {@code order}, version 0. */
  static Reservation reservation(String id, Order order, List<CouponUse> uses, Instant now, Instant expiresAt) {
    List<OrderLine> lines = order.lines();
    int n = lines.size();
    int allocated = 0;
    for (CouponUse u : uses) {
      allocated += u.allocation().size();
    }
    String[] ids = new String[n];
    long[] amounts = new long[2 * n + allocated];
    for (int i = 0; i < n; i++) {
      OrderLine l = lines.get(i);
      ids[i] = l.lineId();
      amounts[i] = l.quantity();
      amounts[n + i] = l.netFen();
    }
    CouponUse[] kept = new CouponUse[uses.size()];
    int at = 2 * n;
    for (int k = 0; k < kept.length; k++) {
      CouponUse u = uses.get(k);
      String[] keys = new String[u.allocation().size()];
      int i = 0;
      for (Map.Entry<String, Long> e : u.allocation().entrySet()) {
        keys[i] = e.getKey();
        amounts[at + i++] = e.getValue();
      }
      kept[k] = new CouponUse(u.code(), u.campaign(), u.discountFen(),
          LineAmounts.of(Arrays.equals(keys, ids) ? ids : keys, amounts, at));
      at += keys.length;
    }
    return new Reservation(id, order.orderId(), order.customer(), List.of(kept), LineAmounts.of(ids, amounts, 0),
        LineAmounts.of(ids, amounts, n), order.netFen(), now, expiresAt, Reservation.State.ACTIVE, List.of(), 0);
  }
}
