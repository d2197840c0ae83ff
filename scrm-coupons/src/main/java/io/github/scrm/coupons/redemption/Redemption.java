package io.github.scrm.coupons.redemption;

import io.github.scrm.core.money.Money;
import io.github.scrm.coupons.CouponMaxLengths;
import io.github.scrm.coupons.campaign.Coupon;
import io.github.scrm.coupons.internal.CouponsContext;
import io.github.scrm.coupons.ledger.Actor;
import io.github.scrm.coupons.ledger.LedgerEntry;
import io.github.scrm.coupons.ledger.LedgerEvent;
import io.github.scrm.coupons.order.Order;
import io.github.scrm.coupons.spi.CouponUse;
import io.github.scrm.coupons.spi.Reservation;
import io.github.scrm.coupons.spi.ReserveOutcome;
import io.github.scrm.coupons.spi.SettleOutcome;
import io.github.scrm.coupons.template.Stacking;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Using coupons on orders: validate, pick the best combination, reserve then confirm or release, redeem in one step,
 * cancel and refund. Obtained from {@code Coupons.redemption()}. Thread-safe; every state change is exactly once,
 * also under concurrent calls, because the store applies it as one conditional unit of work.
 *
 * <p>Orders of unknown customers are a programming error ({@link IllegalArgumentException}); expected outcomes such as
 * an expired coupon are values ({@link Verdict}, {@link Refused}).
 */
public final class Redemption {
  /** Placeholder campaign of order-level ledger templates; the store derives one entry per coupon and campaign. */
  private static final io.github.scrm.coupons.campaign.CampaignId ORDER =
      io.github.scrm.coupons.campaign.CampaignId.of("order");
  private final CouponsContext ctx;
  private final CouponCheck check;
  private final Refunds refunds;

  private Redemption(CouponsContext ctx) {
    this.ctx = ctx;
    this.check = new CouponCheck(ctx);
    this.refunds = new Refunds(ctx);
  }

  /** Wiring for {@code Coupons.builder()}. */
  public static Redemption create(CouponsContext ctx) {
    return new Redemption(ctx);
  }

  /**
   * Checks {@code codes} together on {@code order} now: each gets a verdict, and the usable ones are priced together.
   * Coupons that cannot be combined with those before them in application order are {@link Rejection#STACKING_CONFLICT}.
   */
  public Validation validate(Order order, List<String> codes) {
    return validate(order, codes, ctx.time().now());
  }

  /** As {@link #validate(Order, List)}, at {@code instant} (a POS sale recorded earlier, a preview of tomorrow). */
  public Validation validate(Order order, List<String> codes, Instant instant) {
    requireKnown(order);
    Evaluated e = evaluate(order, codes, instant);
    return new Validation(e.verdicts, e.quote);
  }

  /** One pass of checks: verdicts, the candidates usable together, and their quote. */
  private record Evaluated(List<Verdict> verdicts, List<Candidate> together, Pricer.Priced priced, Quote quote) {}

  private Evaluated evaluate(Order order, List<String> codes, Instant now) {
    // a code given twice keeps its first position and its last verdict; a list, as orders carry a few codes
    List<Verdict> verdicts = new ArrayList<>(codes.size());
    List<Candidate> usable = new ArrayList<>();
    PricingState start = new PricingState(order, ctx.policy().payableFloor().minorUnits());
    for (String code : codes) {
      CouponCheck.Checked c = check.check(code, order, now, start);
      put(verdicts, code, c.verdict());
      c.candidate().ifPresent(usable::add);
    }
    usable.sort(Candidate.APPLICATION_ORDER);
    List<Candidate> together = new ArrayList<>();
    for (Candidate c : usable) {
      Optional<String> conflict = conflict(c, together);
      if (conflict.isPresent()) {
        put(verdicts, c.coupon.code().value(), new Verdict.Unusable(c.coupon.code().value(),
            Rejection.STACKING_CONFLICT, Optional.empty(), conflict.get()));
      } else {
        together.add(c);
      }
    }
    long floor = ctx.policy().payableFloor().minorUnits();
    Pricer.Priced priced = Pricer.price(order, together, floor, List.of());
    return new Evaluated(verdicts, together, priced, priced.quote());
  }

  private static void put(List<Verdict> verdicts, String code, Verdict verdict) {
    for (int i = 0; i < verdicts.size(); i++) {
      if (verdicts.get(i).code().equals(code)) {
        verdicts.set(i, verdict);
        return;
      }
    }
    verdicts.add(verdict);
  }

  /** The best combination of the customer's own coupons on {@code order}, with an explanation. */
  public Quote best(Order order) {
    requireKnown(order);
    List<String> codes = new ArrayList<>();
    for (Coupon c : ctx.store().wallet(order.customer())) {
      codes.add(c.code().value());
    }
    return best(order, codes);
  }

  /**
   * The combination of {@code codes} with the largest discount under the stacking rules: exact for up to 20 usable
   * candidates (beyond that, the 20 with the largest stand-alone discounts are searched).
   */
  public Quote best(Order order, List<String> codes) {
    requireKnown(order);
    Instant now = ctx.time().now();
    List<Candidate> usable = new ArrayList<>();
    List<String> explanation = new ArrayList<>();
    long floor = ctx.policy().payableFloor().minorUnits();
    PricingState start = new PricingState(order, floor);
    for (String code : codes) {
      CouponCheck.Checked c = check.check(code, order, now, start);
      if (c.verdict() instanceof Verdict.Unusable u) {
        explanation.add(masked(code) + ": " + u.message());
      } else {
        usable.add(c.candidate().orElseThrow());
      }
    }
    if (usable.size() > BestCombination.EXACT_LIMIT) {
      usable.sort((a, b) -> Long.compare(start.discount(b), start.discount(a)));
      for (Candidate c : usable.subList(BestCombination.EXACT_LIMIT, usable.size())) {
        explanation.add(masked(c.coupon.code().value()) + ": not searched, only the " + BestCombination.EXACT_LIMIT
            + " largest stand-alone discounts are combined");
      }
      usable = new ArrayList<>(usable.subList(0, BestCombination.EXACT_LIMIT));
    }
    usable.sort(Candidate.APPLICATION_ORDER);
    List<Integer> picked = BestCombination.search(usable, start, ctx.policy().maxCouponsPerOrder());
    List<Candidate> chosen = new ArrayList<>();
    boolean[] used = new boolean[usable.size()];
    for (int i : picked) {
      chosen.add(usable.get(i));
      used[i] = true;
    }
    for (int i = 0; i < usable.size(); i++) {
      Candidate c = usable.get(i);
      String name = masked(c.coupon.code().value()) + " " + c.template.name();
      if (used[i]) {
        explanation.add(name + ": used (" + (c.stacking.level() == Stacking.Level.SHOP ? "shop" : "platform")
            + " coupon, group '"
            + c.stacking.group() + "')");
      } else {
        explanation.add(name + ": left out, " + conflict(c, chosen).orElse(
            "a combination without it gives a larger discount"));
      }
    }
    return Pricer.price(order, chosen, floor, explanation, false).quote();
  }

  /**
   * Holds {@code codes} for {@code order} for {@code ttl}; confirm when the order is paid, release when it is
   * cancelled. {@code idempotencyKey} is the reservation id: a repeat returns the first reservation.
   *
   * @throws IllegalArgumentException when {@code ttl} is zero or negative (the reservation would have ended before
   *     it was made, yet hold its coupons until the next reservation takes them over)
   */
  public ReserveResult reserve(Order order, List<String> codes, Duration ttl, String idempotencyKey) {
    CouponMaxLengths.check("idempotencyKey", idempotencyKey, CouponMaxLengths.IDEMPOTENCY_KEY);
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive, but was " + ttl);
    }
    requireKnown(order);
    if (codes.isEmpty()) {
      throw new IllegalArgumentException("reserve needs at least one coupon code, but got none");
    }
    Instant now = ctx.time().now();
    Optional<Reservation> existing = ctx.store().reservation(idempotencyKey);
    if (existing.isPresent()) {
      return repeat(existing.get(), order, now);
    }
    Optional<Reservation> live = ctx.store().reservationForOrder(order.orderId()).filter(x -> live(x, now));
    if (live.isPresent()) {
      return orderAlreadyReserved(order);
    }
    Evaluated v = evaluate(order, codes, now);
    for (Verdict verdict : v.verdicts()) {
      if (verdict instanceof Verdict.Unusable bad) {
        return new Refused(bad.reason(), bad.message(), v.verdicts());
      }
    }
    Pricer.Priced priced = v.priced();
    Reservation r = OrderSnapshot.reservation(idempotencyKey, order, priced.uses(), now, now.plus(ttl));
    LedgerEntry entry = entry(order, idempotencyKey, Actor.customer(order.customer()), now, LedgerEvent.RESERVED);
    ReserveOutcome out = ctx.store().reserve(r, now, entry);
    if (out instanceof ReserveOutcome.Reserved ok) {
      return new ReserveResult.Reserved(ok.reservation().id(), priced.quote(), ok.reservation().expiresAt());
    }
    if (out instanceof ReserveOutcome.Repeated rep) {
      return repeat(rep.reservation(), order, now);
    }
    ReserveOutcome.Refused refused = (ReserveOutcome.Refused) out;
    return refused.reason() == ReserveOutcome.Reason.ORDER_ALREADY_RESERVED ? orderAlreadyReserved(order)
        : refusal(refused);
  }

  /** A repeated reservation key: the first reservation if it is for this order and still holds its coupons. */
  private ReserveResult repeat(Reservation r, Order order, Instant now) {
    if (!r.orderId().equals(order.orderId())) {
      return new Refused(Rejection.IDEMPOTENCY_KEY_CONFLICT, "reservation key '" + r.id() + "' was first used "
          + "for another order; use a new key per reservation", List.of());
    }
    if (!live(r, now)) {
      return new Refused(Rejection.RESERVATION_ENDED, "reservation '" + r.id() + "' was "
          + (r.state() == Reservation.State.RELEASED ? "released" : "not confirmed before its TTL passed")
          + " and holds no coupons; reserve again with a new key", List.of());
    }
    return new ReserveResult.Reserved(r.id(), quoteOf(r, order), r.expiresAt());
  }

  /** Active before its TTL, or confirmed: the reservation holds (or used) its coupons. */
  private static boolean live(Reservation r, Instant now) {
    return r.state() == Reservation.State.CONFIRMED
        || r.state() == Reservation.State.ACTIVE && now.isBefore(r.expiresAt());
  }

  private static Refused orderAlreadyReserved(Order order) {
    return new Refused(Rejection.ORDER_ALREADY_RESERVED, "order " + order.orderId() + " already holds coupons in "
        + "an active or confirmed reservation; release it before reserving other coupons", List.of());
  }

  /** Reserves with the policy's default TTL. */
  public ReserveResult reserve(Order order, List<String> codes, String idempotencyKey) {
    return reserve(order, codes, ctx.policy().reservationTtl(), idempotencyKey);
  }

  /** Confirms a reservation when its order is paid; exactly one of concurrent confirms succeeds. */
  public Settlement confirm(String reservationId) {
    Instant now = ctx.time().now();
    SettleOutcome out = ctx.store().confirm(reservationId, now, settleEntry(reservationId, "confirm", now));
    if (out instanceof SettleOutcome.Settled s) {
      for (CouponUse u : s.reservation().uses()) {
        ctx.breaker().redeemed(u.campaign(), 1, now);
      }
      return new Settlement(Settlement.Status.CONFIRMED, Optional.of(s.reservation()));
    }
    return settlement(out, false);
  }

  /** Releases a reservation (order cancelled before payment); its coupons become available again. */
  public Settlement release(String reservationId) {
    Instant now = ctx.time().now();
    SettleOutcome out = ctx.store().release(reservationId, now, settleEntry(reservationId, "release", now));
    if (out instanceof SettleOutcome.Settled s) {
      return new Settlement(Settlement.Status.RELEASED, Optional.of(s.reservation()));
    }
    return settlement(out, true);
  }

  /** Cancels an unpaid order: releases its active reservation, if any. */
  public Settlement cancelUnpaid(String orderId) {
    return ctx.store().reservationForOrder(orderId).map(r -> release(r.id()))
        .orElse(new Settlement(Settlement.Status.NOT_FOUND, Optional.empty()));
  }

  /**
   * Reserves and confirms in one step (a paid order, a POS sale). Either every coupon is redeemed or none is: a
   * confirmation refused because a campaign was frozen meanwhile releases the reservation.
   */
  public RedeemResult redeem(Order order, List<String> codes, String idempotencyKey) {
    ReserveResult reserved = reserve(order, codes, ctx.policy().reservationTtl(), idempotencyKey);
    if (reserved instanceof Refused refused) {
      return refused;
    }
    ReserveResult.Reserved r = (ReserveResult.Reserved) reserved;
    Settlement s = confirm(r.reservationId());
    if (s.status() == Settlement.Status.CONFIRMED || s.status() == Settlement.Status.ALREADY_CONFIRMED) {
      return new RedeemResult.Redeemed(r.reservationId(), r.quote());
    }
    release(r.reservationId());
    return new Refused(s.status() == Settlement.Status.CAMPAIGN_NOT_ACTIVE ? Rejection.FROZEN : Rejection.EXPIRED,
        "not redeemed: " + s.status(), List.of());
  }

  /**
   * Refunds {@code lineQuantities} (line id to quantity) of a paid order. The refunded lines' share of each coupon's
   * discount, as allocated at redemption, is returned; kept lines that fall below a threshold follow the policy's
   * {@link RedemptionPolicy.BelowThreshold}; when the whole order is refunded the coupons follow its
   * {@link RedemptionPolicy.Restore}. A repeat with the same key returns the first result.
   */
  public RefundResult refund(String orderId, Map<String, Long> lineQuantities, String idempotencyKey) {
    CouponMaxLengths.check("idempotencyKey", idempotencyKey, CouponMaxLengths.IDEMPOTENCY_KEY);
    return refunds.refund(orderId, lineQuantities, idempotencyKey);
  }

  /** Refunds every line of a paid order that is not refunded yet. */
  public RefundResult refundAll(String orderId, String idempotencyKey) {
    CouponMaxLengths.check("idempotencyKey", idempotencyKey, CouponMaxLengths.IDEMPOTENCY_KEY);
    return refunds.refundAll(orderId, idempotencyKey);
  }

  /**
   * Records redemptions a point-of-sale terminal accepted offline (signed codes). The first use of a code redeems it;
   * any later use is reported as a double use.
   *
   * @throws IllegalArgumentException when a use's discount is not in its coupon's currency; no use of the list is
   *     recorded then
   */
  public List<OfflineSync.Result> syncOffline(List<OfflineSync.Use> uses) {
    return new OfflineSync(ctx).sync(uses);
  }

  private Optional<String> conflict(Candidate c, List<Candidate> chosen) {
    if (chosen.isEmpty()) {
      return Optional.empty();
    }
    if (c.stacking.exclusive()) {
      return Optional.of("exclusive coupon, cannot be combined");
    }
    for (Candidate other : chosen) {
      if (other == c) {
        return Optional.empty();
      }
      if (other.stacking.exclusive()) {
        return Optional.of("another coupon in the order is exclusive");
      }
      if (other.stacking.group().equals(c.stacking.group())) {
        return Optional.of("stacking group '" + c.stacking.group() + "' is already used");
      }
    }
    if (chosen.size() >= ctx.policy().maxCouponsPerOrder()) {
      return Optional.of("at most " + ctx.policy().maxCouponsPerOrder() + " coupons per order");
    }
    return Optional.empty();
  }

  private Quote quoteOf(Reservation r, Order order) {
    List<AppliedCoupon> applied = new ArrayList<>();
    long total = 0;
    for (CouponUse u : r.uses()) {
      var template = ctx.campaign(u.campaign()).orElseThrow().template();
      Map<String, Money> alloc = new LinkedHashMap<>();
      u.allocation().forEach((line, fen) -> {
        if (fen != 0) { // as the first quote: lines with a share only
          alloc.put(line, Money.of(fen, order.currency()));
        }
      });
      applied.add(new AppliedCoupon(u.code(), template.name(), template.stacking().level(),
          Money.of(u.discountFen(), order.currency()), alloc));
      total += u.discountFen();
    }
    long shipping = order.shipping().minorUnits();
    return new Quote(applied, Money.of(total, order.currency()),
        Money.of(order.netFen() + shipping - total, order.currency()), List.of());
  }

  private Refused refusal(ReserveOutcome.Refused refused) {
    Rejection reason = switch (refused.reason()) {
      case UNKNOWN_COUPON -> Rejection.NOT_FOUND;
      case IN_USE, IN_PROGRESS -> Rejection.IN_USE;
      case USED -> Rejection.USED;
      case FROZEN -> Rejection.FROZEN;
      case BUDGET_EXHAUSTED -> Rejection.BUDGET_EXHAUSTED;
      case ORDER_ALREADY_RESERVED -> Rejection.ORDER_ALREADY_RESERVED;
    };
    return new Refused(reason, "not reserved: " + refused.reason(), List.of());
  }

  private static Settlement settlement(SettleOutcome out, boolean releasing) {
    if (out instanceof SettleOutcome.NotFound) {
      return new Settlement(Settlement.Status.NOT_FOUND, Optional.empty());
    }
    if (out instanceof SettleOutcome.CampaignNotActive c) {
      return new Settlement(Settlement.Status.CAMPAIGN_NOT_ACTIVE, Optional.of(c.reservation()));
    }
    Reservation r = ((SettleOutcome.Unchanged) out).reservation();
    Settlement.Status status = switch (r.state()) {
      case CONFIRMED -> Settlement.Status.ALREADY_CONFIRMED;
      case RELEASED -> Settlement.Status.ALREADY_RELEASED;
      case EXPIRED -> Settlement.Status.EXPIRED;
      case ACTIVE -> releasing ? Settlement.Status.ALREADY_RELEASED : Settlement.Status.NOT_FOUND;
    };
    return new Settlement(status, Optional.of(r));
  }

  private LedgerEntry entry(Order order, String key, Actor actor, Instant now, LedgerEvent event) {
    return new LedgerEntry(ORDER, "", event, key, actor, now, 0, order.orderId());
  }

  /** Entries of confirm and release refer to the reservation id, which leads to the order. */
  private static LedgerEntry settleEntry(String reservationId, String verb, Instant now) {
    return new LedgerEntry(ORDER, "", verb.equals("confirm") ? LedgerEvent.REDEEMED : LedgerEvent.RELEASED,
        verb + ":" + reservationId, CHECKOUT, now, 0, reservationId);
  }

  private static final Actor CHECKOUT = Actor.system("checkout");

  private void requireKnown(Order order) {
    if (!ctx.knownCustomers().test(order.customer())) {
      throw new IllegalArgumentException("order customer must be a known customer, but " + order.customer()
          + " is unknown (order " + order.orderId() + ")");
    }
  }

  private static String masked(String code) {
    return code.length() <= 6 ? "****" : code.substring(0, 6) + "****";
  }
}
