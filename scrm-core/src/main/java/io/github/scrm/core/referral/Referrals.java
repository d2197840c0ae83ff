package io.github.scrm.core.referral;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.referral.ReferralOutcome.Reason;
import io.github.scrm.core.referral.influence.InfluenceGraph;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.spi.PersonDirectory;
import io.github.scrm.core.spi.PersonalDataParticipant;
import io.github.scrm.core.spi.ReferralStore;
import io.github.scrm.core.spi.RewardIssuer;
import io.github.scrm.core.time.BusinessTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The referral engine: programmes, codes, attribution, qualification, rewards, reviews, supporter campaigns and
 * analytics. Create one per host with {@link #builder()}. Thread-safe: the events of one programme are applied one at
 * a time (so two threads qualifying the same referee earn one reward), different programmes in parallel.
 *
 * <p>Feed it the host's events: {@link #scan} when a prospect scans a code or arrives through a share, {@link
 * #register} when a customer joins, {@link #purchase} and {@link #refund} for orders, and call {@link #settle()}
 * periodically (every few minutes) to pay rewards whose review period is over and lapse overdue reviews.
 */
public final class Referrals {
  private static final Logger log = LoggerFactory.getLogger(Referrals.class);

  private final Context ctx;
  private final Map<String, ProgrammeRun> programmes = new ConcurrentHashMap<>();
  private volatile List<ProgrammeRun> ordered = List.of();
  private final ReviewQueue reviews;
  private final SupporterCampaigns campaigns;

  private Referrals(Context ctx) {
    this.ctx = ctx;
    this.reviews = new ReviewQueue(ctx.ledger(), ctx);
    this.campaigns = new SupporterCampaigns(ctx);
  }

  /** Starts configuring an engine; time, id source and person directory are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Defines a programme, or refuses it listing every problem: impossible values, and the legal guardrail (indirect
   * rewards; an entry fee with per-recruit rewards) unless {@link ProgrammeSpec#legalOverride()} is given, in which
   * case the override is recorded in the answer and logged.
   */
  public Definition define(ProgrammeSpec spec) {
    List<String> problems = new ArrayList<>(DefinitionRules.problems(spec));
    List<String> legal = DefinitionRules.legal(spec);
    if (spec.legalOverride().isEmpty()) {
      problems.addAll(legal);
    }
    synchronized (programmes) {
      if (programmes.containsKey(spec.id()) || ctx.ledger().account(spec.id()).isPresent()) {
        problems.add("id '" + spec.id() + "' is already defined");
      }
      if (!problems.isEmpty()) {
        return new Definition.Refused(problems);
      }
      RewardLedger.Account account =
          ctx.ledger().open(spec.id(), spec.budget(), spec.capPerReferrer(), spec.lapsePolicy());
      programmes.put(spec.id(), new ProgrammeRun(spec, account, ctx));
      ordered = programmes.values().stream().sorted(Comparator.comparing(r -> r.spec.id())).toList();
    }
    if (!legal.isEmpty()) {
      LegalOverride o = spec.legalOverride().orElseThrow();
      log.warn("programme {} defined with a legal override approved by {} ({}): {}", spec.id(), o.approvedBy(),
          o.reason(), legal);
    }
    return new Definition.Accepted(spec.id(), ctx.time().now(),
        legal.isEmpty() ? Optional.empty() : spec.legalOverride(), legal);
  }

  /** The customer's code in {@code programme}: the same code every time it is asked for. */
  public ReferralOutcome codeFor(String programme, CustomerId customer) {
    ProgrammeRun run = programmes.get(programme);
    if (run == null) {
      return new ReferralOutcome.Rejected(Reason.UNKNOWN_PROGRAMME, "no referral programme '" + programme + "'");
    }
    if (!run.running(ctx.time().now())) {
      return new ReferralOutcome.Rejected(Reason.NOT_RUNNING, "programme " + programme + " runs from "
          + run.spec.startsAt() + " to " + run.spec.endsAt());
    }
    if (ctx.directory().firstSeen(customer).isEmpty()) {
      return new ReferralOutcome.Rejected(Reason.UNKNOWN_CUSTOMER, "customer " + customer + " is unknown");
    }
    if (ctx.directory().isErased(customer)) {
      return erased(customer);
    }
    boolean fresh = ctx.store().codeOf(programme, customer).isEmpty();
    CodeAssignment a = Codes.assign(ctx, programme, customer);
    if (fresh) {
      ctx.analytics().counters(programme).invites.increment();
    }
    return new ReferralOutcome.CodeIssued(a);
  }

  /** Records a scan of a code (explicit) or an arrival through a share (ambient) for later attribution. */
  public ReferralOutcome scan(Touch touch) {
    CustomerId referrer;
    ProgrammeRun run;
    if (touch.code().isPresent()) {
      Optional<CodeAssignment> owner = ctx.store().codeOwner(touch.code().get());
      run = owner.map(o -> programmes.get(o.programme())).orElse(null);
      if (run == null) {
        return new ReferralOutcome.Rejected(Reason.UNKNOWN_CODE,
            "no referral programme has code " + touch.code().get());
      }
      referrer = owner.get().owner();
    } else {
      run = programmes.get(touch.programme().orElse(""));
      if (run == null) {
        return new ReferralOutcome.Rejected(Reason.UNKNOWN_PROGRAMME,
            "no referral programme '" + touch.programme().orElse("") + "'");
      }
      referrer = touch.ambientReferrer().orElseThrow();
      if (ctx.directory().firstSeen(referrer).isEmpty()) {
        return new ReferralOutcome.Rejected(Reason.UNKNOWN_CUSTOMER, "sharer " + referrer + " is unknown");
      }
    }
    if (ctx.directory().isErased(referrer)) {
      return erased(referrer);
    }
    synchronized (run.account.lock) {
      return run.touch(referrer, touch);
    }
  }

  /** The refusal of a code, a poster or a share of an erased customer. */
  static ReferralOutcome erased(CustomerId customer) {
    return new ReferralOutcome.Rejected(Reason.ERASED,
        "customer " + customer + " was erased: their codes and posters refer nobody any more");
  }

  /**
   * Attributes a new customer to their referrer in every programme where they have a valid touch, and qualifies
   * registration-triggered programmes. Empty when the customer had no touch at all.
   */
  public List<ReferralOutcome> register(Registration registration) {
    Optional<Instant> firstSeen = ctx.directory().firstSeen(registration.customer());
    if (firstSeen.isEmpty()) {
      return List.of(unknown(registration.customer()));
    }
    Set<Identifier> ids = new LinkedHashSet<>(registration.identifiers());
    ids.addAll(ctx.directory().identifiersOf(registration.customer()));
    List<ReferralOutcome> out = new ArrayList<>();
    for (ProgrammeRun run : ordered) {
      synchronized (run.account.lock) {
        out.addAll(run.register(registration, ids, firstSeen.get()));
      }
    }
    return out;
  }

  /**
   * Qualifies purchase-triggered programmes in which the buyer, or an id the directory has merged into the buyer since,
   * is a referee; a buyer the directory knew before the referral's touch is not a new referee. Empty when they are
   * nobody's referee.
   */
  public List<ReferralOutcome> purchase(Purchase purchase) {
    Optional<Instant> firstSeen = ctx.directory().firstSeen(purchase.customer());
    if (firstSeen.isEmpty()) {
      return List.of(unknown(purchase.customer()));
    }
    if (purchase.paid().isNegative()) {
      return List.of(new ReferralOutcome.Rejected(Reason.INVALID_AMOUNT,
          "paid amount must not be negative, but was " + purchase.paid()));
    }
    List<ReferralOutcome> out = new ArrayList<>();
    Set<CustomerId> merged = ctx.directory().mergedInto(purchase.customer());
    for (ProgrammeRun run : ordered) {
      Optional<Attribution> a = attributionOf(run, purchase.customer(), merged);
      if (a.isPresent()) {
        synchronized (run.account.lock) {
          run.purchase(a.get(), purchase, firstSeen.get()).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  /** Cancels (or claws back) rewards whose qualifying order was refunded inside the review period. */
  public List<ReferralOutcome> refund(Refund refund) {
    if (ctx.directory().firstSeen(refund.customer()).isEmpty()) {
      return List.of(unknown(refund.customer()));
    }
    List<ReferralOutcome> out = new ArrayList<>();
    Set<CustomerId> merged = ctx.directory().mergedInto(refund.customer());
    for (ProgrammeRun run : ordered) {
      Optional<Attribution> a = attributionOf(run, refund.customer(), merged);
      if (a.isPresent()) {
        synchronized (run.account.lock) {
          out.addAll(run.refund(a.get(), refund));
        }
      }
    }
    return out;
  }

  /**
   * Pays every reward whose review period is over, lapses overdue reviews and forgets touches older than their
   * attribution window; returns the rewards that changed.
   */
  public List<Reward> settle() {
    List<Reward> changed = new ArrayList<>();
    Instant now = ctx.time().now();
    for (ProgrammeRun run : ordered) {
      synchronized (run.account.lock) {
        run.forgetTouchesBefore(now.minus(run.spec.attributionWindow()));
      }
    }
    for (RewardLedger.Account account : ctx.ledger().accounts()) {
      synchronized (account.lock) {
        changed.addAll(ReviewQueue.settle(ctx.ledger(), account, now));
      }
    }
    return changed;
  }

  /** The review queue of flagged rewards. */
  public ReviewQueue reviews() {
    return reviews;
  }

  /** Supporter campaigns (好友助力). */
  public SupporterCampaigns campaigns() {
    return campaigns;
  }

  /**
   * The engine's part in PIPL data-subject requests, to register with {@code scrm.privacy().register(...)}: section
   * {@code "referrals"} of an export lists the customer's codes and posters, who referred them, the rewards they earned
   * or triggered and the supports they gave, also those given as a prospect under an identifier the directory now
   * gives them; an erasure removes the identifiers, device and network recorded with all those supports. Customer ids
   * stay on codes, attributions and rewards, as on the profile, so budgets, caps and statistics still add up.
   */
  public PersonalDataParticipant privacyParticipant() {
    return new ReferralPrivacy(ctx, campaigns);
  }

  /** Every reward of a programme or campaign, ordered by id. */
  public List<Reward> rewards(String programme) {
    return ctx.ledger().rewardsOf(programme);
  }

  /**
   * Adds the programme's qualified referrals (rewards pending, in review, approved or issued) to an influence graph as
   * referral edges tagged with the programme, so that they count towards influence and campaign-scoped top-N lists.
   */
  public void addQualifiedReferrals(String programme, InfluenceGraph.Builder graph) {
    Set<String> seen = new java.util.HashSet<>();
    for (Reward r : rewards(programme)) {
      // one edge per referee: several purchases by one referee are one referral; upper levels are not edges
      if (r.state().holdsBudget() && r.referee().isPresent() && r.level() == 1
          && seen.add(r.referee().get().value())) {
        graph.referral(r.beneficiary(), r.referee().get(), programme);
      }
    }
  }

  /** The analytics of a programme or campaign, empty when no such id is defined. */
  public Optional<ReferralStats> stats(String id) {
    Optional<RewardLedger.Account> account = ctx.ledger().account(id);
    if (account.isEmpty()) {
      return Optional.empty();
    }
    Money budget = account.get().budget;
    long issued;
    long issuedMinor;
    synchronized (account.get().lock) {
      issued = account.get().issuedCount;
      issuedMinor = account.get().issuedMinor;
    }
    return Optional.of(StatsReport.of(id, ctx.analytics().counters(id), issued,
        Money.of(issuedMinor, budget.currency()), rewards(id)));
  }

  /**
   * The attribution of {@code customer} in the programme, or else of an id merged into it since (the same person,
   * registered under the id the identity graph later folded into this one): the earliest attributed.
   */
  private Optional<Attribution> attributionOf(ProgrammeRun run, CustomerId customer, Set<CustomerId> merged) {
    Optional<Attribution> own = ctx.store().attributionOf(run.spec.id(), customer);
    if (own.isPresent() || merged.isEmpty()) {
      return own;
    }
    Attribution best = null;
    for (CustomerId id : merged) {
      Optional<Attribution> a = ctx.store().attributionOf(run.spec.id(), id);
      if (a.isPresent() && (best == null || a.get().attributedAt().isBefore(best.attributedAt())
          || (a.get().attributedAt().equals(best.attributedAt()) && a.get().referee().compareTo(best.referee()) < 0))) {
        best = a.get();
      }
    }
    return Optional.ofNullable(best);
  }

  private static ReferralOutcome unknown(CustomerId customer) {
    return new ReferralOutcome.Rejected(Reason.UNKNOWN_CUSTOMER, "customer " + customer + " is unknown");
  }

  /** Configures a {@link Referrals} engine. */
  public static final class Builder {
    private BusinessTime time;
    private IdSource ids;
    private PersonDirectory directory;
    private RewardIssuer issuer = RewardIssuer.recording();
    private ReferralStore store = ReferralStore.inMemory();

    private Builder() {}

    /** The clock and business zone (required). */
    public Builder time(BusinessTime time) {
      this.time = time;
      return this;
    }

    /** The source of random codes (required; {@link IdSource#secure()} in production). */
    public Builder ids(IdSource ids) {
      this.ids = ids;
      return this;
    }

    /** The identity graph's view (required; the profile module's, or {@link PersonDirectory#inMemory()}). */
    public Builder directory(PersonDirectory directory) {
      this.directory = directory;
      return this;
    }

    /** Who pays rewards; {@link RewardIssuer#recording()} by default. */
    public Builder issuer(RewardIssuer issuer) {
      this.issuer = java.util.Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /** Where codes, attributions and rewards persist; {@link ReferralStore#inMemory()} by default. */
    public Builder store(ReferralStore store) {
      this.store = java.util.Objects.requireNonNull(store, "store");
      return this;
    }

    /** Builds the engine, naming what is missing. */
    public Referrals build() {
      List<String> missing = new ArrayList<>();
      if (time == null) {
        missing.add("time is required: pass BusinessTime.of(clock)");
      }
      if (ids == null) {
        missing.add("ids is required: pass IdSource.secure() or IdSource.sequential(prefix, seed) in tests");
      }
      if (directory == null) {
        missing.add("directory is required: pass the profile module's PersonDirectory or PersonDirectory.inMemory()");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException(String.join("; ", missing));
      }
      RewardLedger ledger = new RewardLedger(store, issuer, time);
      Map<CustomerId, CustomerId> referrerOf = new ConcurrentHashMap<>();
      return new Referrals(new Context(directory, store, ledger, time, ids,
          new Screening(directory, referrerOf), referrerOf, new Analytics()));
    }
  }
}
