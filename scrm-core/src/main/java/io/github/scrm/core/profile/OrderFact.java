package io.github.scrm.core.profile;

import com.google.common.hash.Hashing;
import io.github.scrm.core.event.Purchase;
import io.github.scrm.core.event.PurchaseLine;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/** What the metrics need of one order: a few fields and the net amount per brand and category line. */
final class OrderFact {

  /** Brands, categories, channels, stores and topics repeat across millions of customers: keep one copy of each. */
  static final Names NAMES = new Names();

  /** A 64-bit fingerprint of the order id: refunds find their order by it without keeping the id string. */
  final long orderKey;
  final long at;
  final long paid;
  final Currency currency;
  final boolean discounted;
  final int coupons;
  final String channel;
  final @Nullable String store;
  /** Per line; one-line orders share the array of their brand ({@link Names#single}), so it is never written. */
  final String[] lineBrand;
  /** Per line, shared like {@link #lineBrand}. */
  final String[] lineCategory;
  /** Per line; null for the commonest order, one line whose amount is what was paid ({@link #lineAmount}). */
  private final long @Nullable [] lineAmount;

  private OrderFact(Purchase p) {
    this.orderKey = key(p.orderId());
    this.at = p.occurredAt().toEpochMilli();
    this.paid = p.paidAmount().minorUnits();
    this.currency = p.paidAmount().currency();
    this.discounted = p.discounted();
    this.coupons = p.couponCodes().size();
    this.channel = NAMES.intern(p.channel());
    this.store = p.store() == null ? null : NAMES.intern(p.store());
    int n = p.lines().size();
    if (n == 1) {
      PurchaseLine line = p.lines().get(0);
      this.lineBrand = NAMES.single(line.brand());
      this.lineCategory = NAMES.single(line.category());
      long net = line.netAmount().minorUnits();
      this.lineAmount = net == paid ? null : new long[] {net};
      return;
    }
    this.lineBrand = new String[n];
    this.lineCategory = new String[n];
    this.lineAmount = new long[n];
    for (int i = 0; i < n; i++) {
      PurchaseLine line = p.lines().get(i);
      lineBrand[i] = NAMES.intern(line.brand());
      lineCategory[i] = NAMES.intern(line.category());
      lineAmount[i] = line.netAmount().minorUnits();
    }
  }

  /** An order fact from its parts, as {@link ProfileCodec} decodes it. */
  OrderFact(long orderKey, long at, long paid, Currency currency, boolean discounted, int coupons, String channel,
      @Nullable String store, String[] lineBrand, String[] lineCategory, long[] lineAmount) {
    this.orderKey = orderKey;
    this.at = at;
    this.paid = paid;
    this.currency = currency;
    this.discounted = discounted;
    this.coupons = coupons;
    this.channel = NAMES.intern(channel);
    this.store = store == null ? null : NAMES.intern(store);
    this.lineBrand = lineBrand.length == 1 ? NAMES.single(lineBrand[0]) : lineBrand;
    this.lineCategory = lineCategory.length == 1 ? NAMES.single(lineCategory[0]) : lineCategory;
    this.lineAmount = amounts(lineAmount, paid);
  }

  /** How many lines the order had. */
  int lineCount() {
    return lineBrand.length;
  }

  /** The net amount of line {@code i}. */
  long lineAmount(int i) {
    return lineAmount == null ? paid : lineAmount[i];
  }

  /** What to keep of the line amounts: nothing when one line's amount is the amount paid. */
  private static long @Nullable [] amounts(long[] lineAmount, long paid) {
    return lineAmount.length == 1 && lineAmount[0] == paid ? null : lineAmount;
  }

  /** The fingerprint of an order id; two ids of one customer collide with probability about 2^-64. */
  static long key(String orderId) {
    return Hashing.farmHashFingerprint64().hashString(orderId, StandardCharsets.UTF_8).asLong();
  }

  static OrderFact of(Purchase purchase) {
    return new OrderFact(purchase);
  }
}
