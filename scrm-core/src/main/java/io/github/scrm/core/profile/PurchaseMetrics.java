package io.github.scrm.core.profile;

import com.google.common.collect.ImmutableSet;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.profile.Activity.RefundFact;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** The purchase metrics of one profile as of one instant {@code t} (epoch milliseconds): short scans of its orders. */
final class PurchaseMetrics {

  private static final int RATIO_SCALE = 4;

  private final Activity a;
  private final long t;
  private final Currency currency;

  PurchaseMetrics(Activity activity, long t, Currency currency) {
    this.a = activity;
    this.t = t;
    this.currency = currency;
  }

  @Nullable Instant lastPurchase() {
    long last = Long.MIN_VALUE;
    for (OrderFact o : a.orders) {
      if (o.at <= t && o.at > last) {
        last = o.at;
      }
    }
    return last == Long.MIN_VALUE ? null : Instant.ofEpochMilli(last);
  }

  Long orders(long after) {
    long n = 0;
    for (OrderFact o : a.orders) {
      if (o.at > after && o.at <= t) {
        n++;
      }
    }
    return n;
  }

  /** Refunds made by {@code t} of the order, at most what it paid. */
  long refunded(OrderFact order) {
    long sum = 0;
    for (RefundFact r : a.refunds) {
      if (r.at() <= t && r.orderKey() == order.orderKey) {
        sum = saturatedSum(sum, r.amount());
      }
    }
    return Math.min(sum, order.paid);
  }

  /**
   * {@code a + b} for amounts that are never negative, held at {@link Long#MAX_VALUE} rather than wrapping or throwing:
   * events carry at most 10<sup>15</sup> minor units each, so only a customer with thousands of such orders gets
   * there, and their metrics must stay readable.
   */
  static long saturatedSum(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  Money spend(long after) {
    long sum = 0;
    for (OrderFact o : a.orders) {
      if (o.at > after && o.at <= t) {
        sum = saturatedSum(sum, o.paid - refunded(o));
      }
    }
    return Money.of(sum, currency);
  }

  @Nullable Money averageOrderValue() {
    long n = orders(Long.MIN_VALUE);
    if (n == 0) {
      return null;
    }
    Money total = spend(Long.MIN_VALUE);
    long avg = BigDecimal.valueOf(total.minorUnits()).divide(BigDecimal.valueOf(n), 0, RoundingMode.HALF_EVEN)
        .longValueExact();
    return Money.of(avg, total.currency());
  }

  Long refunds(long after) {
    long n = 0;
    for (RefundFact r : a.refunds) {
      if (r.at() > after && r.at() <= t) {
        n++;
      }
    }
    return n;
  }

  @Nullable BigDecimal refundRate() {
    long n = 0;
    long refundedOrders = 0;
    for (OrderFact o : a.orders) {
      if (o.at <= t) {
        n++;
        for (RefundFact r : a.refunds) {
          if (r.at() <= t && r.orderKey() == o.orderKey) {
            refundedOrders++;
            break;
          }
        }
      }
    }
    return ratio(refundedOrders, n);
  }

  @Nullable BigDecimal discountedShare() {
    long n = 0;
    long discounted = 0;
    for (OrderFact o : a.orders) {
      if (o.at <= t) {
        n++;
        discounted += o.discounted ? 1 : 0;
      }
    }
    return ratio(discounted, n);
  }

  static @Nullable BigDecimal ratio(long part, long whole) {
    return whole == 0 ? null
        : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATIO_SCALE, RoundingMode.HALF_EVEN);
  }

  Long couponsRedeemed() {
    long n = 0;
    for (OrderFact o : a.orders) {
      if (o.at <= t) {
        n += o.coupons;
      }
    }
    return n;
  }

  /**
   * The brands or categories of the orders placed after {@code after}, all of them or the {@code limit} with the largest
   * amounts. An order refunded in full was not bought; a partly refunded order's line amounts are net of the refund,
   * spread over the lines in proportion to their amounts (a refund does not say which lines it returned).
   */
  ImmutableSet<String> names(boolean brands, long after, int limit) {
    Map<String, Long> amounts = new HashMap<>();
    for (OrderFact o : a.orders) {
      if (o.at > after && o.at <= t) {
        long refunded = refunded(o);
        if (o.paid > 0 && refunded == o.paid) {
          continue;
        }
        String[] names = brands ? o.lineBrand : o.lineCategory;
        for (int i = 0; i < names.length; i++) {
          long amount = refunded == 0 ? o.lineAmount(i) : netShare(o.lineAmount(i), o.paid - refunded, o.paid);
          amounts.merge(names[i], amount, PurchaseMetrics::saturatedSum);
        }
      }
    }
    if (limit == Integer.MAX_VALUE) {
      return ImmutableSet.copyOf(new TreeSet<>(amounts.keySet()));
    }
    List<Map.Entry<String, Long>> entries = new ArrayList<>(amounts.entrySet());
    entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    ImmutableSet.Builder<String> top = ImmutableSet.builder();
    entries.stream().limit(limit).forEach(e -> top.add(e.getKey()));
    return top.build();
  }

  /** {@code amount × kept / paid}, rounded half-even: a line's share of what its order kept after refunds. */
  private static long netShare(long amount, long kept, long paid) {
    return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(kept))
        .divide(BigDecimal.valueOf(paid), 0, RoundingMode.HALF_EVEN).longValueExact();
  }

  @Nullable String preferred(boolean channel) {
    Map<String, Long> counts = new TreeMap<>();
    for (OrderFact o : a.orders) {
      String key = channel ? o.channel : o.store;
      if (o.at <= t && key != null) {
        counts.merge(key, 1L, Long::sum);
      }
    }
    return counts.entrySet().stream().max(Comparator.comparingLong(Map.Entry<String, Long>::getValue)
        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(null);
  }
}
