package io.github.scrm.coupons.redemption;

import io.github.scrm.core.money.Money;
import io.github.scrm.coupons.campaign.CampaignStatus;
import io.github.scrm.coupons.campaign.Coupon;
import io.github.scrm.coupons.campaign.CouponStatus;
import io.github.scrm.coupons.code.CouponCode;
import io.github.scrm.coupons.internal.CouponsContext;
import io.github.scrm.coupons.ledger.Actor;
import io.github.scrm.coupons.ledger.LedgerEntry;
import io.github.scrm.coupons.ledger.LedgerEvent;
import io.github.scrm.coupons.spi.CouponUse;
import io.github.scrm.coupons.spi.RefundRecord;
import io.github.scrm.coupons.spi.Reservation;
import io.github.scrm.coupons.template.Benefit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refund arithmetic. A refunded quantity q of a line with quantity Q, of which p were refunded before, returns
 * {@code floor(a·(p+q)/Q) − floor(a·p/Q)} of every amount a allocated to the line, so successive partial refunds sum
 * exactly to the allocation once the whole line is refunded.
 */
final class Refunds {
  private static final int ATTEMPTS = 16;
  private final CouponsContext ctx;

  Refunds(CouponsContext ctx) {
    this.ctx = ctx;
  }

  RefundResult refundAll(String orderId, String key) {
    Optional<Reservation> r = ctx.store().reservationForOrder(orderId);
    if (r.isEmpty()) {
      return new RefundResult.NotRefundable("order " + orderId + " has no coupon redemption");
    }
    Map<String, Long> rest = new HashMap<>();
    r.get().lineQuantities().forEach((line, q) -> {
      long left = q - r.get().refundedQuantity(line);
      if (left > 0) {
        rest.put(line, left);
      }
    });
    for (RefundRecord rec : r.get().refunds()) {
      if (rec.idempotencyKey().equals(key)) {
        return refund(orderId, rec.lineQuantities(), key);
      }
    }
    return refund(orderId, rest, key);
  }

  RefundResult refund(String orderId, Map<String, Long> lines, String key) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<Reservation> found = ctx.store().reservationForOrder(orderId);
      if (found.isEmpty() || found.get().state() != Reservation.State.CONFIRMED) {
        return new RefundResult.NotRefundable("order " + orderId + " has no paid coupon redemption"
            + found.map(r -> " (reservation is " + r.state() + ")").orElse(""));
      }
      Reservation r = found.get();
      for (RefundRecord rec : r.refunds()) {
        if (rec.idempotencyKey().equals(key)) {
          // the first result: whether this refund completed the order, not whether later ones did
          return result(r, rec, completedBy(r, rec));
        }
      }
      Optional<String> problem = problem(r, lines);
      if (problem.isPresent()) {
        return new RefundResult.NotRefundable(problem.get());
      }
      Outcome o = compute(r, lines, key);
      if (ctx.store().applyRefund(r.id(), r.version(), o.record, o.restored, o.entries)) {
        return result(r.withRefund(o.record), o.record, o.full);
      }
    }
    throw new io.github.scrm.core.ScrmException("refund of order " + orderId + " kept conflicting with concurrent "
        + "refunds after " + ATTEMPTS + " attempts; retry with the same key");
  }

  private record Outcome(RefundRecord record, List<Coupon> restored, List<LedgerEntry> entries, boolean full) {}

  private Outcome compute(Reservation r, Map<String, Long> lines, String key) {
    Instant now = ctx.time().now();
    Map<String, Long> returned = new HashMap<>();
    Map<String, Long> clawback = new HashMap<>();
    Map<String, Long> after = new HashMap<>();
    r.lineQuantities().forEach((line, q) -> after.put(line, r.refundedQuantity(line) + lines.getOrDefault(line, 0L)));
    boolean full = after.entrySet().stream().allMatch(e -> e.getValue().equals(r.lineQuantities().get(e.getKey())));
    // what the refunded lines pay back before any clawback: their amount less their coupon shares
    long payout = 0;
    for (Map.Entry<String, Long> e : lines.entrySet()) {
      payout += share(r, e.getKey(), r.lineNetFen().get(e.getKey()), e.getValue());
    }
    for (CouponUse u : r.uses()) {
      long back = 0;
      for (Map.Entry<String, Long> a : u.allocation().entrySet()) {
        back += share(r, a.getKey(), a.getValue(), lines.getOrDefault(a.getKey(), 0L));
      }
      long goodsBack = back;
      if (u.allocation().containsKey(Quote.SHIPPING) && full) {
        back += u.allocation().get(Quote.SHIPPING);
      }
      // a clawback took the kept lines' share of the discount already: refunding those lines later must not
      // return it a second time, so what comes back is capped at what is left of the coupon's discount
      long left = u.discountFen() - before(r, u);
      back = Math.min(back, Math.max(0, left));
      goodsBack = Math.min(goodsBack, back);
      returned.put(u.code().value(), back);
      payout -= goodsBack;
    }
    if (!full && ctx.policy().belowThreshold() == RedemptionPolicy.BelowThreshold.CLAW_BACK) {
      // a clawback is deducted from this refund's payout and cannot take more than it pays: only what is deducted
      // is recorded, so the rest of the discount stays with the kept lines and their later refund returns less
      long deductible = Math.max(0, payout);
      for (CouponUse u : r.uses()) {
        long left = u.discountFen() - before(r, u) - returned.get(u.code().value());
        long claw = Math.min(clawback(r, u, after, left), deductible);
        if (claw > 0) {
          clawback.put(u.code().value(), claw);
          deductible -= claw;
        }
      }
    }
    List<Coupon> restored = full ? restore(r, now) : List.of();
    List<String> restoredCodes = restored.stream().map(c -> c.code().value()).toList();
    RefundRecord record = new RefundRecord(key, lines, returned, clawback, restoredCodes, now);
    List<LedgerEntry> entries = new ArrayList<>();
    Actor actor = Actor.system("refund");
    for (CouponUse u : r.uses()) {
      long amount = returned.getOrDefault(u.code().value(), 0L) + clawback.getOrDefault(u.code().value(), 0L);
      entries.add(new LedgerEntry(u.campaign(), u.code().value(), LedgerEvent.REFUNDED, key, actor, now, amount,
          r.orderId()));
    }
    for (Coupon c : restored) {
      entries.add(new LedgerEntry(c.campaign(), c.code().value(), LedgerEvent.RESTORED, key, actor, now, 0,
          r.orderId()));
    }
    return new Outcome(record, restored, entries, full);
  }

  private static long share(Reservation r, String line, long allocated, long q) {
    if (q == 0 || line.equals(Quote.SHIPPING)) {
      return 0;
    }
    long total = r.lineQuantities().get(line);
    long before = r.refundedQuantity(line);
    return portion(allocated, before + q, total) - portion(allocated, before, total);
  }

  private static long portion(long amount, long part, long whole) {
    return java.math.BigInteger.valueOf(amount).multiply(java.math.BigInteger.valueOf(part))
        .divide(java.math.BigInteger.valueOf(whole)).longValueExact();
  }

  /** Discount of {@code u} that earlier refunds of {@code r} returned or clawed back. */
  private static long before(Reservation r, CouponUse u) {
    long sum = 0;
    for (RefundRecord rec : r.refunds()) {
      sum += rec.returnedByCoupon().getOrDefault(u.code().value(), 0L)
          + rec.clawbackByCoupon().getOrDefault(u.code().value(), 0L);
    }
    return sum;
  }

  /** What to take back of {@code keptAllocated}, the part of {@code u}'s discount still with the kept lines. */
  private long clawback(Reservation r, CouponUse u, Map<String, Long> after, long keptAllocated) {
    Benefit benefit = ctx.campaign(u.campaign()).orElseThrow().template().benefit();
    if (benefit.noThreshold() || benefit.shipping()) {
      return 0;
    }
    // the allocation names every line the coupon's scope covers, also those whose share is zero
    long kept = 0;
    for (String line : u.allocation().keySet()) {
      if (line.equals(Quote.SHIPPING)) {
        continue;
      }
      long net = r.lineNetFen().get(line);
      kept += net - portion(net, after.get(line), r.lineQuantities().get(line));
    }
    // not only below the threshold: kept lines that fall to a lower tier or lose a step earn less as well
    long merited = benefit.discount(kept, kept, 0);
    return Math.max(0, keptAllocated - merited);
  }

  private List<Coupon> restore(Reservation r, Instant now) {
    List<Coupon> out = new ArrayList<>();
    RedemptionPolicy policy = ctx.policy();
    if (policy.restore() == RedemptionPolicy.Restore.NEVER) {
      return out;
    }
    for (CouponUse u : r.uses()) {
      Optional<Coupon> c = ctx.store().coupon(u.code());
      if (c.isEmpty() || c.get().status() != CouponStatus.REDEEMED
          || !c.get().reservation().equals(Optional.of(r.id()))) {
        continue;
      }
      // a revoked campaign is void for good: its coupon would come back available yet never be usable again
      if (ctx.store().status(u.campaign()).orElse(CampaignStatus.REVOKED) == CampaignStatus.REVOKED) {
        continue;
      }
      Coupon coupon = c.get();
      if (policy.restore() == RedemptionPolicy.Restore.IF_STILL_VALID && now.isBefore(coupon.validUntil())) {
        out.add(coupon.restoredUntil(coupon.validUntil()));
      } else if (policy.restore() == RedemptionPolicy.Restore.WITH_NEW_EXPIRY) {
        Instant until = now.plus(policy.restoreValidity());
        Optional<Instant> end = ctx.campaign(u.campaign()).flatMap(x -> x.end())
            .map(e -> e.atZone(ctx.time().zone()).toInstant());
        if (end.isPresent() && end.get().isBefore(until)) {
          until = end.get();
        }
        // a campaign that has ended gives nothing back: the coupon stays used and the result names it
        if (until.isAfter(now)) {
          out.add(coupon.restoredUntil(until));
        }
      }
    }
    return out;
  }

  /** Whether every line of {@code r} was refunded once {@code rec} and the refunds before it were applied. */
  private static boolean completedBy(Reservation r, RefundRecord rec) {
    return r.lineQuantities().entrySet().stream().allMatch(e -> r.refundedQuantity(e.getKey())
        - refundedBy(r, rec, e.getKey()) + rec.lineQuantities().getOrDefault(e.getKey(), 0L) == e.getValue());
  }

  private static Optional<String> problem(Reservation r, Map<String, Long> lines) {
    List<String> p = new ArrayList<>();
    if (lines.isEmpty()) {
      p.add("a refund must name at least one line, but named none");
    }
    lines.forEach((line, q) -> {
      Long ordered = r.lineQuantities().get(line);
      if (ordered == null) {
        p.add("line '" + line + "' is not in order " + r.orderId());
      } else if (q <= 0 || q > ordered - r.refundedQuantity(line)) {
        p.add("line '" + line + "': refund quantity must be between 1 and " + (ordered - r.refundedQuantity(line))
            + ", but was " + q);
      }
    });
    return p.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", p));
  }

  private RefundResult result(Reservation r, RefundRecord rec, boolean full) {
    java.util.Currency cur = r.uses().isEmpty() ? Money.CNY
        : ctx.campaign(r.uses().get(0).campaign()).orElseThrow().template().currency();
    long paid = 0;
    for (Map.Entry<String, Long> e : rec.lineQuantities().entrySet()) {
      long net = r.lineNetFen().get(e.getKey());
      long total = r.lineQuantities().get(e.getKey());
      long before = r.refundedQuantity(e.getKey()) - refundedBy(r, rec, e.getKey());
      paid += portion(net, before + e.getValue(), total) - portion(net, before, total);
    }
    long returned = rec.returnedFen();
    long shippingReturned = 0;
    for (CouponUse u : r.uses()) {
      if (u.allocation().containsKey(Quote.SHIPPING) && full) {
        shippingReturned += u.allocation().get(Quote.SHIPPING);
      }
    }
    long refundAmount = Math.max(0, paid - (returned - shippingReturned) - rec.clawbackFen());
    List<CouponCode> restored = rec.restoredCodes().stream().map(CouponCode::new).toList();
    List<CouponCode> notRestored = new ArrayList<>();
    // the refund that completed the order is the last one, and the only one that restores
    boolean completing = full && r.refunds().get(r.refunds().size() - 1).idempotencyKey().equals(rec.idempotencyKey());
    if (completing) {
      for (CouponUse u : r.uses()) {
        if (!rec.restoredCodes().contains(u.code().value())) {
          notRestored.add(u.code());
        }
      }
    }
    return new RefundResult.Refunded(Money.of(returned, cur), Money.of(rec.clawbackFen(), cur),
        Money.of(refundAmount, cur), restored, full, notRestored);
  }

  /** Quantity of {@code line} refunded by {@code rec} and every record after it. */
  private static long refundedBy(Reservation r, RefundRecord rec, String line) {
    long sum = 0;
    boolean seen = false;
    for (RefundRecord x : r.refunds()) {
      seen |= x == rec || x.idempotencyKey().equals(rec.idempotencyKey());
      if (seen) {
        sum += x.lineQuantities().getOrDefault(line, 0L);
      }
    }
    return sum;
  }
}
