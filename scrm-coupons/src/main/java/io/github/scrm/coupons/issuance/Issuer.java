package io.github.scrm.coupons.issuance;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.coupons.CouponMaxLengths;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.campaign.Coupon;
import io.github.scrm.coupons.campaign.CouponStatus;
import io.github.scrm.coupons.code.CouponCode;
import io.github.scrm.coupons.internal.CouponsContext;
import io.github.scrm.coupons.ledger.Actor;
import io.github.scrm.coupons.ledger.LedgerEntry;
import io.github.scrm.coupons.ledger.LedgerEvent;
import io.github.scrm.coupons.spi.IssueCommand;
import io.github.scrm.coupons.spi.IssueOutcome;
import io.github.scrm.coupons.spi.Quota;
import io.github.scrm.coupons.template.Validity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one path every issuance takes: claim window, audience and campaign end are checked here; stock, limits and
 * budget are enforced by the store's conditional updates in one unit of work.
 */
final class Issuer {
  private static final int CODE_ATTEMPTS = 8;
  private final CouponsContext ctx;

  Issuer(CouponsContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The quota of {@code customer}'s coupons of {@code c}: every coupon issued or transferred to them counts, and
   * none ever goes back.
   */
  static Quota perCustomer(Campaign c, CustomerId customer) {
    return new Quota("c:" + c.id().value() + ':' + customer.value(), c.perCustomerLimit(),
        IssueOutcome.Reason.CUSTOMER_LIMIT);
  }

  /** A request to issue one coupon. */
  record Request(Campaign campaign, CustomerId customer, String batch, Actor actor, LedgerEvent event, String key,
      List<Quota> extraQuotas, String reference) {}

  IssueResult issue(Request req) {
    Campaign c = req.campaign();
    Instant now = ctx.time().now();
    Times times = times(c);
    if (now.isBefore(times.claimStart) || !now.isBefore(times.claimEnd)) {
      Optional<IssueResult> repeat = repeated(req);
      return repeat.orElse(new IssueResult.NotIssued(IssueRefusal.OUTSIDE_CLAIM_WINDOW, "claims are open from "
          + c.claimFrom() + " to " + c.claimUntil() + " (" + ctx.time().zone() + "), but it is " + now));
    }
    if (c.audience().isPresent() && !c.audience().get().contains(req.customer())) {
      return repeated(req).orElse(new IssueResult.NotIssued(IssueRefusal.NOT_IN_AUDIENCE, "customer " + req.customer()
          + " is not in audience '" + c.audience().get().name() + "'"));
    }
    Validity.Window window = times.window(c.template().validity(), now, ctx.time().zone());
    if (times.end != null) {
      window = window.cutAt(times.end);
    }
    if (!window.until().isAfter(window.from()) || !window.until().isAfter(now)) {
      return repeated(req).orElse(new IssueResult.NotIssued(IssueRefusal.CAMPAIGN_ENDED,
          "the coupon would expire at " + window.until() + " before it could be used (campaign end "
          + c.end().map(Object::toString).orElse("none") + ")"));
    }
    String id = c.id().value();
    Quota perCustomer = perCustomer(c, req.customer());
    List<Quota> quotas;
    if (c.perDayLimit().isEmpty() && req.extraQuotas().isEmpty()) {
      quotas = List.of(perCustomer);
    } else {
      quotas = new ArrayList<>(2 + req.extraQuotas().size());
      quotas.add(perCustomer);
      if (c.perDayLimit().isPresent()) {
        LocalDate day = LocalDate.ofInstant(now, ctx.time().zone());
        quotas.add(new Quota("d:" + id + ':' + req.customer().value() + ':' + day, c.perDayLimit().getAsInt(),
            IssueOutcome.Reason.DAILY_LIMIT));
      }
      quotas.addAll(req.extraQuotas());
    }
    long face = times.face;
    for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      Coupon coupon = new Coupon(drawCode(), c.id(), req.batch(), req.customer(), now, window.from(),
          window.until(), CouponStatus.AVAILABLE, Optional.empty(), false, false, 0);
      LedgerEntry e = new LedgerEntry(c.id(), coupon.code().value(), req.event(), req.key(), req.actor(), now, face,
          req.reference());
      IssueOutcome out = ctx.store().issue(new IssueCommand(req.key(), coupon, face, quotas, e));
      if (!(out instanceof IssueOutcome.CodeTaken)) {
        return map(req, out, false);
      }
    }
    throw new io.github.scrm.core.ScrmException("could not draw a free coupon code in " + CODE_ATTEMPTS
        + " attempts; the random source is broken or far too weak");
  }

  /**
   * A code from the host's source, refused when a store could not keep it: a code source is configuration, so a code
   * it cannot produce within the limit is a programming error, reported before the store is touched. The message gives
   * the lengths only, since a code is a bearer secret.
   */
  private CouponCode drawCode() {
    CouponCode code = ctx.codes().next();
    String value = code.value();
    if (value.isBlank() || value.length() > CouponMaxLengths.CODE) {
      throw new IllegalStateException("the CodeSource given to Coupons.builder().codes(...) produced a code "
          + (value.isBlank() ? "that was blank" : "of " + value.length() + " characters") + ", but coupon codes must "
          + "have 1 to " + CouponMaxLengths.CODE + " non-blank characters");
    }
    return code;
  }

  /**
   * Instants of a campaign in the business zone and its face value, computed once per campaign, and the validity
   * end of coupons issued on the current business day.
   */
  private record Times(Instant claimStart, Instant claimEnd, Instant end, long face,
      java.util.concurrent.atomic.AtomicReference<IssueDay> today) {

    Times(Instant claimStart, Instant claimEnd, Instant end, long face) {
      this(claimStart, claimEnd, end, face, new java.util.concurrent.atomic.AtomicReference<>());
    }

    /**
     * The validity window of a coupon issued at {@code now}. A window of N days after issue ends at the same
     * instant for every coupon issued on one business day, so it is computed once a day (which also lets those
     * coupons share the instant); other kinds of validity are computed each time.
     */
    Validity.Window window(Validity validity, Instant now, java.time.ZoneId zone) {
      if (!(validity instanceof Validity.DaysAfterIssue d)) {
        return validity.window(now, zone);
      }
      IssueDay day = today.get();
      if (day == null || day.days != d.days() || !day.zone.equals(zone) || now.isBefore(day.start)
          || !now.isBefore(day.end)) {
        LocalDate date = LocalDate.ofInstant(now, zone);
        day = new IssueDay(d.days(), zone, date.atStartOfDay(zone).toInstant(),
            date.plusDays(1).atStartOfDay(zone).toInstant(), d.window(now, zone).until());
        today.set(day);
      }
      return new Validity.Window(now, day.until);
    }
  }

  /** Coupons issued in {@code [start, end)} with {@code days} of validity are valid until {@code until}. */
  private record IssueDay(int days, java.time.ZoneId zone, Instant start, Instant end, Instant until) {}

  private final java.util.Map<io.github.scrm.coupons.campaign.CampaignId, Times> times =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Times times(Campaign c) {
    Times t = times.get(c.id());
    if (t == null) {
      java.time.ZoneId zone = ctx.time().zone();
      t = new Times(c.claimStart(zone), c.claimEnd(zone), c.end().map(e -> e.atZone(zone).toInstant()).orElse(null),
          // an uncapped coupon has no face value to count; the guardrails make its campaign need approval
          c.template().benefit().worstCase().orElse(0));
      times.putIfAbsent(c.id(), t);
    }
    return t;
  }

  /** A call refused here may still be a repeat of a call that issued earlier (inside the window, say). */
  Optional<IssueResult> repeated(Request req) {
    return ctx.store().issueOutcome(req.key()).map(first -> map(req, first, true));
  }

  private IssueResult map(Request req, IssueOutcome out, boolean repeated) {
    if (out instanceof IssueOutcome.Issued i) {
      // keys are global in the store: a key another customer or campaign used first must not hand over their coupon
      if (repeated && (!i.coupon().campaign().equals(req.campaign().id())
          || !i.coupon().holder().equals(req.customer()))) {
        return new IssueResult.NotIssued(IssueRefusal.IDEMPOTENCY_KEY_CONFLICT, "idempotency key '" + req.key()
            + "' was first used for another request (another campaign or customer); use a new key per request");
      }
      return new IssueResult.Issued(i.coupon(), repeated);
    }
    if (out instanceof IssueOutcome.Repeated r) {
      return map(req, r.first(), true);
    }
    IssueOutcome.Reason reason = ((IssueOutcome.Refused) out).reason();
    IssueRefusal refusal = IssueRefusal.valueOf(reason.name());
    return new IssueResult.NotIssued(refusal, message(reason));
  }

  private static String message(IssueOutcome.Reason reason) {
    return switch (reason) {
      case UNKNOWN_CAMPAIGN -> "no such campaign";
      case CAMPAIGN_NOT_ACTIVE -> "the campaign is not active (pending approval, paused, frozen or revoked)";
      case OUT_OF_STOCK -> "the campaign's stock is used up";
      case CUSTOMER_LIMIT -> "the customer already holds the most coupons allowed";
      case DAILY_LIMIT -> "the customer already received the most coupons allowed today";
      case QUOTA_EXHAUSTED -> "the share token's claims are used up";
      case BUDGET_EXHAUSTED -> "the campaign's liability budget is used up";
    };
  }
}
