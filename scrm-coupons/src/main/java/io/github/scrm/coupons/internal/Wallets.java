package io.github.scrm.coupons.internal;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.coupons.campaign.Coupon;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The coupons each customer holds, as lists threaded through the coupon slots' links, newest first: a customer's
 * slot links to their latest coupon, each coupon's slot to the one issued to them before. Adding a coupon changes two
 * {@code long}s and creates no long-lived object, where appending to a list per customer wrote a reference into an
 * old list at a random place on every issue, which the collector then has to track and scan.
 *
 * <p>A coupon's link serves the wallet of the customer it was issued to; a coupon that comes by transfer is also
 * listed in a small list per receiving customer. Lists are filtered by the coupon's current holder when read.
 * Thread-safe: a link is published by compare-and-set after the coupon's own link is written.
 */
final class Wallets {
  private final SlotTable<Coupon> coupons;
  private final SlotTable<CustomerId> heads;
  private final Map<CustomerId, AppendLog<String>> received = new ConcurrentHashMap<>();

  /** Wallets over {@code coupons}, which must be a table with links. */
  Wallets(SlotTable<Coupon> coupons, int expectedCustomers) {
    this.coupons = coupons;
    this.heads = new SlotTable<>(expectedCustomers, true);
  }

  /** Adds the newly issued coupon in {@code couponSlot} to {@code holder}'s wallet. */
  void issued(CustomerId holder, long couponSlot) {
    long wallet = SlotTable.slot(heads.putIfAbsent(holder.value(), holder));
    while (true) {
      long latest = heads.link(wallet);
      coupons.setLink(couponSlot, latest);
      if (heads.compareAndSetLink(wallet, latest, couponSlot + 1)) {
        return;
      }
    }
  }

  /** Lists {@code code} also in the wallet of {@code holder}, who received it by transfer. */
  void transferred(CustomerId holder, String code) {
    received.computeIfAbsent(holder, h -> new AppendLog<>()).add(code);
  }

  /** Every coupon {@code holder} holds now, in issue order. */
  List<Coupon> of(CustomerId holder) {
    List<Coupon> out = new ArrayList<>();
    long wallet = heads.find(holder.value());
    if (wallet >= 0) {
      for (long next = heads.link(wallet); next != 0; next = coupons.link(next - 1)) {
        Coupon c = coupons.value(next - 1);
        if (c.holder().equals(holder)) {
          out.add(c);
        }
      }
      Collections.reverse(out);
    }
    AppendLog<String> in = received.get(holder);
    if (in != null) {
      Set<String> listed = new HashSet<>();
      out.forEach(c -> listed.add(c.code().value()));
      for (String code : in.snapshot()) {
        Coupon c = coupons.get(code);
        if (c.holder().equals(holder) && listed.add(code)) {
          out.add(c);
        }
      }
      out.sort(Comparator.comparing(Coupon::issuedAt));
    }
    return out;
  }
}
