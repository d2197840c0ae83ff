package io.github.scrm.coupons.campaign;

import io.github.scrm.core.money.Money;
import io.github.scrm.core.money.Percent;
import io.github.scrm.coupons.CouponMaxLengths;
import io.github.scrm.coupons.guardrail.DryRun;
import io.github.scrm.coupons.guardrail.Violation;
import io.github.scrm.coupons.internal.CouponsContext;
import io.github.scrm.coupons.ledger.Actor;
import io.github.scrm.coupons.ledger.CampaignReport;
import io.github.scrm.coupons.ledger.LedgerEntry;
import io.github.scrm.coupons.ledger.LedgerEvent;
import io.github.scrm.coupons.ledger.Reconciliation;
import io.github.scrm.coupons.spi.CampaignCounters;
import io.github.scrm.coupons.spi.Reservation;
import io.github.scrm.coupons.spi.SettleOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Creating and controlling campaigns behind the guardrails: dry runs, second-operator approval, freeze, resume,
 * revoke, reports, reconciliation and the ledger. Obtained from {@code Coupons.campaigns()}. Thread-safe.
 *
 * <p>An operator's reason for a freeze, resume or revoke is kept in the ledger and may have at most {@link
 * CouponMaxLengths#REASON} characters; a longer one is refused with an {@link IllegalArgumentException} naming
 * {@code reason}, the limit and its length, and nothing changes.
 */
public final class Campaigns {
  private final CouponsContext ctx;
  private final Set<CampaignId> known = ConcurrentHashMap.newKeySet();

  private Campaigns(CouponsContext ctx) {
    this.ctx = ctx;
  }

  /** Wiring for {@code Coupons.builder()}. */
  public static Campaigns create(CouponsContext ctx) {
    return new Campaigns(ctx);
  }

  /**
   * Creates a campaign after a dry run: active when no guardrail is broken, pending approval by a second operator when
   * a cap is passed, refused (nothing stored) when a guardrail refuses outright or the id exists.
   */
  public CreateResult create(Campaign campaign) {
    DryRun dry = dryRun(List.of(campaign));
    if (dry.refused()) {
      return new CreateResult.Refused("refused by guardrails: " + messages(dry), dry);
    }
    CampaignStatus initial = dry.allowed() ? CampaignStatus.ACTIVE : CampaignStatus.PENDING_APPROVAL;
    LedgerEntry entry = entry(campaign.id(), LedgerEvent.CAMPAIGN_CREATED, "create:" + campaign.id(),
        Actor.operator(campaign.createdBy()), dry.allowed() ? "" : messages(dry));
    if (!ctx.store().createCampaign(campaign, initial, entry)) {
      return new CreateResult.Refused("campaign id must be new, but " + campaign.id() + " exists", dry);
    }
    known.add(campaign.id());
    return dry.allowed() ? new CreateResult.Active(campaign.id(), dry)
        : new CreateResult.PendingApproval(campaign.id(), dry);
  }

  /**
   * A second operator approves a campaign pending approval; the approver must differ from the creator. The approval
   * (who and when) is recorded in the ledger.
   */
  public CreateResult approve(CampaignId id, String approver) {
    Campaign c = ctx.campaign(id).orElseThrow(() -> new IllegalArgumentException("campaign " + id + " is unknown"));
    DryRun dry = dryRun(List.of(c));
    if (c.createdBy().equals(approver)) {
      return new CreateResult.Refused("approver must be a second operator, but was the creator " + approver, dry);
    }
    LedgerEntry entry = entry(id, LedgerEvent.APPROVED, "approve:" + id, Actor.operator(approver),
        "created-by:" + c.createdBy());
    if (!ctx.store().changeStatus(id, CampaignStatus.PENDING_APPROVAL, CampaignStatus.ACTIVE, entry)) {
      return new CreateResult.Refused("campaign must be pending approval, but was "
          + ctx.store().status(id).orElseThrow(), dry);
    }
    return new CreateResult.Active(id, dry);
  }

  /** The dry run of one campaign: what it would commit to, and the guardrails it breaks. Changes nothing. */
  public DryRun dryRun(Campaign campaign) {
    return dryRun(List.of(campaign));
  }

  /**
   * The dry run of a plan of several campaigns: total count and worst-case liability, the share of no-threshold
   * value, and an estimate from the redemption rates of earlier campaigns of the same kinds.
   */
  public DryRun dryRun(List<Campaign> plan) {
    return dryRun(plan, c -> c.stock());
  }

  /** The dry run of a bulk issue of {@code id} to its audience: count is min(audience, stock left). */
  public DryRun dryRunBulk(CampaignId id) {
    Campaign c = ctx.campaign(id).orElseThrow(() -> new IllegalArgumentException("campaign " + id + " is unknown"));
    long audience = c.audience().map(a -> a.members().count()).orElse(0L);
    long left = c.stock() - ctx.store().counters(id).issued();
    return dryRun(List.of(c), x -> Math.min(audience, left));
  }

  private DryRun dryRun(List<Campaign> plan, java.util.function.ToLongFunction<Campaign> countOf) {
    long count = 0;
    long total = 0;
    long noThreshold = 0;
    boolean unbounded = false;
    Optional<Money> face = Optional.empty();
    List<Violation> violations = new ArrayList<>();
    long estimate = 0;
    long rateIssued = 0;
    long rateRedeemed = 0;
    for (Campaign c : plan) {
      long n = countOf.applyAsLong(c);
      count += n;
      OptionalLong worst = c.template().benefit().worstCase();
      if (plan.size() == 1 && worst.isPresent()) {
        face = Optional.of(Money.of(worst.getAsLong(), c.template().currency()));
      }
      long liability;
      if (worst.isEmpty()) {
        // a campaign's liability budget counts face values at issue, and an uncapped coupon has none to count, so
        // the budget does not bound it: one coupon can take half of any order
        unbounded = true;
        liability = 0;
      } else {
        liability = saturated(worst.getAsLong(), n);
        if (c.maxLiability().isPresent()) {
          liability = Math.min(liability, c.maxLiability().get().minorUnits());
        }
      }
      total = sat(total + liability);
      if (c.template().benefit().noThreshold()) {
        noThreshold = sat(noThreshold + liability);
      }
      violations.addAll(ctx.guardrails().check(c, ctx.time().zone()));
      long[] history = history(c);
      rateIssued += history[0];
      rateRedeemed += history[1];
      if (history[0] > 0) {
        estimate = sat(estimate + saturated(liability, history[1]) / history[0]);
      }
    }
    Percent share = Percent.ofBasisPoints(total == 0 ? 0
        : (int) (java.math.BigInteger.valueOf(noThreshold).multiply(java.math.BigInteger.valueOf(10_000))
            .divide(java.math.BigInteger.valueOf(total)).longValue()));
    Optional<Percent> rate = rateIssued == 0 ? Optional.empty()
        : Optional.of(Percent.ofBasisPoints((int) (rateRedeemed * 10_000 / rateIssued)));
    java.util.Currency cur = plan.isEmpty() ? Money.CNY : plan.get(0).template().currency();
    Optional<Money> worstCase = unbounded ? Optional.empty() : Optional.of(Money.of(total, cur));
    Optional<Money> estimated = rate.isEmpty() || unbounded ? Optional.empty() : Optional.of(Money.of(estimate, cur));
    return new DryRun(count, face, worstCase, share, rate, estimated, violations);
  }

  /** Issued and redeemed counts of earlier campaigns with the same kind of benefit. */
  private long[] history(Campaign c) {
    long issued = 0;
    long redeemed = 0;
    for (CampaignId id : known) {
      if (id.equals(c.id())) {
        continue;
      }
      Optional<Campaign> other = ctx.campaign(id);
      if (other.isPresent() && other.get().template().benefit().getClass() == c.template().benefit().getClass()) {
        CampaignCounters counters = ctx.store().counters(id);
        issued += counters.issued();
        redeemed += counters.redeemed();
      }
    }
    return new long[] {issued, redeemed};
  }

  /** Freezes a campaign: its available coupons become unusable until {@link #resume}; audited per coupon. */
  public ControlResult freeze(CampaignId id, String operator, String reason) {
    checkReason(reason);
    boolean changed = transition(id, CampaignStatus.ACTIVE, CampaignStatus.FROZEN, LedgerEvent.FROZEN, operator,
        reason) || transition(id, CampaignStatus.PAUSED, CampaignStatus.FROZEN, LedgerEvent.FROZEN, operator, reason);
    long n = changed ? recode(id, c -> c.status() == CouponStatus.AVAILABLE, CouponStatus.FROZEN,
        LedgerEvent.FROZEN, operator, reason) : 0;
    return new ControlResult(changed, n);
  }

  /**
   * Resumes a paused or frozen campaign; coupons the campaign's freeze froze become available again, while coupons
   * of a batch frozen by {@link #freezeBatch} stay frozen until {@link #resumeBatch}.
   */
  public ControlResult resume(CampaignId id, String operator, String reason) {
    checkReason(reason);
    boolean changed = transition(id, CampaignStatus.FROZEN, CampaignStatus.ACTIVE, LedgerEvent.RESUMED, operator,
        reason) || transition(id, CampaignStatus.PAUSED, CampaignStatus.ACTIVE, LedgerEvent.RESUMED, operator, reason);
    if (!changed) {
      return new ControlResult(false, 0);
    }
    Set<String> batchFrozen = frozenByBatch(id);
    long n = recode(id, c -> c.status() == CouponStatus.FROZEN && !batchFrozen.contains(c.code().value()),
        CouponStatus.AVAILABLE, LedgerEvent.RESUMED, "", operator, reason);
    return new ControlResult(true, n);
  }

  /** Revokes a campaign for good: every unredeemed, unreserved coupon becomes void; audited per coupon. */
  public ControlResult revoke(CampaignId id, String operator, String reason) {
    checkReason(reason);
    boolean changed = false;
    for (CampaignStatus from : CampaignStatus.values()) {
      if (from != CampaignStatus.REVOKED) {
        changed |= transition(id, from, CampaignStatus.REVOKED, LedgerEvent.REVOKED, operator, reason);
      }
    }
    long n = recode(id, c -> c.status() == CouponStatus.AVAILABLE || c.status() == CouponStatus.FROZEN,
        CouponStatus.REVOKED, LedgerEvent.REVOKED, operator, reason);
    return new ControlResult(changed, n);
  }

  /**
   * Freezes the available coupons of one batch, and marks those the campaign's freeze holds as frozen by the batch
   * too; the campaign stays active. Resuming the campaign leaves them frozen; {@link #resumeBatch} frees them.
   */
  public ControlResult freezeBatch(CampaignId id, String batch, String operator, String reason) {
    checkReason(reason);
    Set<String> batchFrozen = frozenByBatch(id);
    long n = recode(id, c -> c.batch().equals(batch) && (c.status() == CouponStatus.AVAILABLE
        || c.status() == CouponStatus.FROZEN && !batchFrozen.contains(c.code().value())), CouponStatus.FROZEN,
        LedgerEvent.FROZEN, BATCH_FREEZE + batch + ':', operator, reason);
    return new ControlResult(n > 0, n);
  }

  /**
   * Undoes {@link #freezeBatch}: the batch's coupons it froze become available again, or stay frozen by the
   * campaign's freeze while the campaign is frozen (its {@link #resume} then frees them).
   */
  public ControlResult resumeBatch(CampaignId id, String batch, String operator, String reason) {
    checkReason(reason);
    Set<String> batchFrozen = frozenByBatch(id);
    boolean campaignFrozen = ctx.store().status(id).orElseThrow(() -> new IllegalArgumentException(
        "campaign " + id + " is unknown")) == CampaignStatus.FROZEN;
    long n = recode(id, c -> c.batch().equals(batch) && c.status() == CouponStatus.FROZEN
        && batchFrozen.contains(c.code().value()), campaignFrozen ? CouponStatus.FROZEN : CouponStatus.AVAILABLE,
        campaignFrozen ? LedgerEvent.FROZEN : LedgerEvent.RESUMED, "", operator, reason);
    return new ControlResult(n > 0, n);
  }

  /** Ledger keys of batch freezes start with this, which tells a batch's freeze from the campaign's. */
  private static final String BATCH_FREEZE = "FROZEN:batch:";

  /**
   * Codes whose latest ledger entry is a batch freeze: the ledger records who froze each coupon, so the coupon
   * itself needs no field for it (and host stores no column).
   */
  private Set<String> frozenByBatch(CampaignId id) {
    Set<String> out = new java.util.HashSet<>();
    for (LedgerEntry e : ctx.store().ledger(id)) {
      if (e.code().isEmpty()) {
        continue;
      }
      if (e.event() == LedgerEvent.FROZEN && e.idempotencyKey().startsWith(BATCH_FREEZE)) {
        out.add(e.code());
      } else {
        out.remove(e.code());
      }
    }
    return out;
  }

  /** Revokes the available and frozen coupons of one batch. */
  public ControlResult revokeBatch(CampaignId id, String batch, String operator, String reason) {
    checkReason(reason);
    long n = recode(id, c -> c.batch().equals(batch)
        && (c.status() == CouponStatus.AVAILABLE || c.status() == CouponStatus.FROZEN), CouponStatus.REVOKED,
        LedgerEvent.REVOKED, operator, reason);
    return new ControlResult(n > 0, n);
  }

  /**
   * Records the expiry of every available or frozen coupon of the campaign whose window has ended: status
   * {@code EXPIRED} and one {@code EXPIRED} ledger entry each. Safe to rerun (a coupon expires once).
   *
   * <p>First ends every reservation holding a coupon of the campaign whose TTL has passed (an order abandoned before
   * payment): its coupons become available again and the discount it reserved goes back to the budget of each of its
   * campaigns ({@code maxDiscountGranted}), with one {@code EXPIRED} ledger entry per coupon. Without it an abandoned
   * reservation holds its discount until another reservation takes over one of its coupons. {@link
   * ControlResult#couponsAffected()} counts the coupons that expired.
   */
  public ControlResult expireDue(CampaignId id) {
    Instant now = ctx.time().now();
    boolean ended = false;
    for (Coupon c : ctx.store().coupons(id)) {
      if (c.status() != CouponStatus.RESERVED || c.reservation().isEmpty()) {
        continue;
      }
      String reservation = c.reservation().get();
      boolean due = ctx.store().reservation(reservation).filter(r -> r.state() == Reservation.State.ACTIVE
          && !now.isBefore(r.expiresAt())).isPresent();
      if (due) {
        // released at or after its TTL, the store ends it as EXPIRED and gives its coupons and discount back
        SettleOutcome out = ctx.store().release(reservation, now, new LedgerEntry(id, "", LedgerEvent.EXPIRED,
            "expire:" + reservation, Actor.system("expiry"), now, 0, reservation));
        ended |= !(out instanceof SettleOutcome.NotFound);
      }
    }
    long n = recode(id, c -> (c.status() == CouponStatus.AVAILABLE || c.status() == CouponStatus.FROZEN)
        && !now.isBefore(c.validUntil()), CouponStatus.EXPIRED, LedgerEvent.EXPIRED, "expiry", "window ended");
    return new ControlResult(ended || n > 0, n);
  }

  /** The campaign's report, derived from its ledger. */
  public CampaignReport report(CampaignId id) {
    Campaign c = ctx.campaign(id).orElseThrow(() -> new IllegalArgumentException("campaign " + id + " is unknown"));
    return new CampaignFigures(ctx.store(), c).report(ctx.store().status(id).orElseThrow());
  }

  /** Checks the campaign's invariants against its ledger and counters. */
  public Reconciliation reconcile(CampaignId id) {
    Campaign c = ctx.campaign(id).orElseThrow(() -> new IllegalArgumentException("campaign " + id + " is unknown"));
    return new CampaignFigures(ctx.store(), c).reconcile();
  }

  /** The campaign's ledger in append order. */
  public List<LedgerEntry> ledger(CampaignId id) {
    return ctx.store().ledger(id);
  }

  /** The campaign's status, if it exists. */
  public Optional<CampaignStatus> status(CampaignId id) {
    return ctx.store().status(id);
  }

  private boolean transition(CampaignId id, CampaignStatus from, CampaignStatus to, LedgerEvent event,
      String operator, String reason) {
    return ctx.store().changeStatus(id, from, to, entry(id, event, event + ":" + id + ":" + ctx.time().now(),
        Actor.operator(operator), reason));
  }

  private long recode(CampaignId id, Predicate<Coupon> which, CouponStatus to, LedgerEvent event, String actor,
      String reason) {
    return recode(id, which, to, event, "", actor, reason);
  }

  /**
   * Recodes with ledger keys {@code keyPrefix + fingerprint + ':' + version}, or {@code event:fingerprint:version} by
   * default, where the fingerprint is {@link io.github.scrm.coupons.code.CouponCode#fingerprint()} (ledgers written
   * before it carry the code itself there; nothing reads that part).
   */
  private long recode(CampaignId id, Predicate<Coupon> which, CouponStatus to, LedgerEvent event, String keyPrefix,
      String actor, String reason) {
    long n = 0;
    Instant now = ctx.time().now();
    for (Coupon c : ctx.store().coupons(id)) {
      Coupon current = c;
      while (which.test(current)) {
        // the code's fingerprint, not the code: ledger keys are printed and exported, codes are bearer secrets
        String key = (keyPrefix.isEmpty() ? event + ":" : keyPrefix) + current.code().fingerprint() + ":"
            + current.version();
        LedgerEntry e = new LedgerEntry(id, current.code().value(), event, key,
            event == LedgerEvent.EXPIRED ? Actor.system(actor) : Actor.operator(actor), now, 0,
            reason);
        if (ctx.store().replace(current, current.with(to, Optional.empty()), e)) {
          n++;
          break;
        }
        current = ctx.store().coupon(current.code()).orElseThrow();
      }
    }
    return n;
  }

  /**
   * Refuses a reason the ledger could not keep before anything changes, under the name the operator knows it by: it
   * becomes the reference of every entry the control writes.
   */
  private static void checkReason(String reason) {
    if (reason.length() > CouponMaxLengths.REASON) {
      throw new IllegalArgumentException("reason: must have at most " + CouponMaxLengths.REASON
          + " characters, but had " + reason.length());
    }
  }

  private LedgerEntry entry(CampaignId id, LedgerEvent event, String key, Actor actor, String reference) {
    return new LedgerEntry(id, "", event, key, actor, ctx.time().now(), 0, reference);
  }

  private static String messages(DryRun dry) {
    return String.join("; ", dry.violations().stream().map(Violation::message).toList());
  }

  private static long saturated(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
  }

  private static long sat(long v) {
    return v < 0 ? Long.MAX_VALUE : v;
  }
}
