package io.github.scrm.core.referral;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.referral.ReferralOutcome.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One running referral programme: its touches, attributions and qualifications. Every method runs under the
 * programme's account lock, taken by the caller, so a programme's events are applied one at a time.
 */
final class ProgrammeRun {
  private static final Duration VELOCITY_MEMORY = Duration.ofHours(2);

  final ProgrammeSpec spec;
  final RewardLedger.Account account;
  private final Context ctx;
  private final Analytics.Counters counters;
  /** Touches by visitor identifier key. */
  private final Map<String, List<TouchRecord>> touches = new HashMap<>();
  /** The order that was each referee's first purchase (first-purchase trigger). */
  private final Map<CustomerId, String> firstOrder = new HashMap<>();
  private final Map<CustomerId, TreeMap<Instant, Integer>> recent = new HashMap<>();

  private record TouchRecord(CustomerId referrer, boolean explicit, Instant at) {}

  ProgrammeRun(ProgrammeSpec spec, RewardLedger.Account account, Context ctx) {
    this.spec = spec;
    this.account = account;
    this.ctx = ctx;
    this.counters = ctx.analytics().counters(spec.id());
  }

  boolean running(Instant at) {
    return !at.isBefore(spec.startsAt()) && at.isBefore(spec.endsAt());
  }

  ReferralOutcome touch(CustomerId referrer, Touch t) {
    if (!running(t.at())) {
      return new ReferralOutcome.Rejected(Reason.NOT_RUNNING,
          "programme " + spec.id() + " runs from " + spec.startsAt() + " to " + spec.endsAt() + ", touch at " + t.at());
    }
    if (t.visitor().isEmpty()) {
      return new ReferralOutcome.Rejected(Reason.NO_IDENTIFIERS, "the touch carried no identifier of the visitor");
    }
    Optional<CustomerId> known = ctx.directory().resolve(Screening.personIdentifiers(t.visitor()));
    Optional<FraudFlag> self = ctx.screening().selfReferral(referrer, known, t.visitor());
    if (self.isPresent()) {
      counters.refused.increment();
      return new ReferralOutcome.Rejected(Reason.SELF, self.get().detail());
    }
    if (known.isPresent()) {
      return new ReferralOutcome.Rejected(Reason.EXISTING_CUSTOMER,
          "the visitor is already customer " + known.get() + " and cannot be a new referee");
    }
    for (Identifier id : t.visitor()) {
      for (TouchRecord r : touches.getOrDefault(id.key(), List.of())) {
        boolean live = !t.at().isAfter(r.at.plus(spec.attributionWindow()));
        if (live && r.referrer.equals(referrer) && r.explicit == t.explicit()) {
          return new ReferralOutcome.Duplicate("visitor already touched by " + referrer + " at " + r.at);
        }
      }
    }
    TouchRecord record = new TouchRecord(referrer, t.explicit(), t.at());
    for (Identifier id : t.visitor()) {
      touches.computeIfAbsent(id.key(), k -> new ArrayList<>(2)).add(record);
    }
    counters.scans.increment();
    return new ReferralOutcome.TouchRecorded(spec.id(), referrer, t.explicit());
  }

  /** Drops touches made before {@code cutoff}: they can no longer be attributed. */
  void forgetTouchesBefore(Instant cutoff) {
    touches.values().removeIf(list -> {
      list.removeIf(t -> t.at.isBefore(cutoff));
      return list.isEmpty();
    });
  }

  /** Attributes a registering customer; {@code ids} are every identifier known for them. */
  List<ReferralOutcome> register(Registration r, Collection<Identifier> ids, Instant firstSeen) {
    Set<TouchRecord> seen = new HashSet<>();
    for (Identifier id : ids) {
      seen.addAll(touches.getOrDefault(id.key(), List.of()));
    }
    if (seen.isEmpty()) {
      return List.of();
    }
    if (!running(r.at())) {
      return List.of(new ReferralOutcome.Rejected(Reason.NOT_RUNNING,
          "programme " + spec.id() + " ended at " + spec.endsAt() + ", registration at " + r.at()));
    }
    if (ctx.store().attributionOf(spec.id(), r.customer()).isPresent()) {
      return List.of(new ReferralOutcome.Duplicate(r.customer() + " is already attributed in " + spec.id()));
    }
    TouchRecord best = null;
    boolean inWindow = false;
    for (TouchRecord t : seen) {
      if (t.at.isAfter(r.at()) || r.at().isAfter(t.at.plus(spec.attributionWindow()))) {
        continue;
      }
      inWindow = true;
      if (t.at.isAfter(firstSeen)) {
        continue; // touched when they already were a customer
      }
      if (best == null || better(t, best)) {
        best = t;
      }
    }
    if (best == null) {
      return List.of(inWindow
          ? new ReferralOutcome.Rejected(Reason.EXISTING_CUSTOMER,
              r.customer() + " was a customer since " + firstSeen + ", before every touch")
          : new ReferralOutcome.Rejected(Reason.NOT_REFERRED,
              "no touch of " + r.customer() + " within the attribution window of " + spec.attributionWindow()));
    }
    TouchRecord winner = best;
    Optional<FraudFlag> fraud = ctx.screening().selfReferral(winner.referrer, Optional.of(r.customer()), ids)
        .or(() -> ctx.screening().cycle(winner.referrer, r.customer()));
    if (fraud.isPresent()) {
      counters.refused.increment();
      return List.of(new ReferralOutcome.Rejected(Reason.SELF, fraud.get().toString()));
    }
    Attribution a = new Attribution(spec.id(), r.customer(), winner.referrer, winner.explicit, winner.at, r.at());
    if (!ctx.store().attribute(a)) {
      return List.of(new ReferralOutcome.Duplicate(r.customer() + " is already attributed in " + spec.id()));
    }
    ctx.referrerOf().putIfAbsent(r.customer(), winner.referrer);
    counters.attributed.increment();
    List<ReferralOutcome> out = new ArrayList<>(2);
    out.add(new ReferralOutcome.Attributed(a));
    if (spec.trigger() instanceof Trigger.Registration) {
      out.add(qualify(a, "registration", Optional.empty(), r.identifiers(), r.at()));
    }
    return out;
  }

  private boolean better(TouchRecord t, TouchRecord best) {
    if (t.explicit != best.explicit) {
      return t.explicit; // an explicit code beats any ambient touch
    }
    int byTime = t.at.compareTo(best.at);
    if (byTime != 0) {
      return spec.attributionModel() == AttributionModel.FIRST_TOUCH ? byTime < 0 : byTime > 0;
    }
    return t.referrer.compareTo(best.referrer) < 0;
  }

  /** Qualifies a purchase of the referee of {@code a}, a customer the directory has known since {@code firstSeen}. */
  Optional<ReferralOutcome> purchase(Attribution a, Purchase p, Instant firstSeen) {
    if (p.at().isBefore(a.attributedAt())) {
      return Optional.of(new ReferralOutcome.NotQualified(spec.id(), "order " + p.orderId() + " at " + p.at()
          + " precedes the attribution at " + a.attributedAt()));
    }
    if (firstSeen.isBefore(a.touchedAt())) {
      // a merge since the registration showed the referee to be someone who was a customer before the touch
      return Optional.of(new ReferralOutcome.NotQualified(spec.id(), p.customer() + " was a customer since "
          + firstSeen + ", before the touch at " + a.touchedAt() + ": not a new referee"));
    }
    if (spec.trigger() instanceof Trigger.FirstPurchase first) {
      // by the time it was placed when the directory knows the referee's orders, else the first reported since start
      Optional<Boolean> earlier = ctx.directory().hasOrderBefore(a.referee(), a.attributedAt(), p.orderId(), p.at());
      String prior = firstOrder.putIfAbsent(a.referee(), p.orderId());
      if (earlier.isPresent() ? earlier.get() : prior != null && !prior.equals(p.orderId())) {
        return Optional.of(new ReferralOutcome.NotQualified(spec.id(),
            "order " + p.orderId() + " is not the first purchase of " + a.referee() + " since the attribution at "
                + a.attributedAt()));
      }
      if (p.paid().compareTo(first.minimum()) < 0) {
        return Optional.of(new ReferralOutcome.NotQualified(spec.id(),
            "first purchase paid " + p.paid() + ", below the minimum " + first.minimum()));
      }
      return Optional.of(qualify(a, "first-purchase", Optional.of(p.orderId()), p.identifiers(), p.at()));
    }
    if (spec.trigger() instanceof Trigger.EveryPurchaseWithin within) {
      Instant last = a.attributedAt().plus(Duration.ofDays(within.days()));
      if (p.at().isAfter(last)) {
        return Optional.of(new ReferralOutcome.NotQualified(spec.id(),
            "order " + p.orderId() + " at " + p.at() + " is after the qualifying period ending " + last));
      }
      return Optional.of(qualify(a, "order:" + p.orderId(), Optional.of(p.orderId()), p.identifiers(), p.at()));
    }
    return Optional.empty();
  }

  private ReferralOutcome qualify(Attribution a, String trigger, Optional<String> orderId,
      Set<Identifier> eventIds, Instant at) {
    String rewardId = rewardId(a.referee(), trigger, 1);
    Optional<Reward> existing = ctx.ledger().find(rewardId);
    if (existing.isPresent()) {
      return new ReferralOutcome.Duplicate("reward " + rewardId + " exists in state " + existing.get().state());
    }
    Instant now = ctx.time().now();
    ImmutableReward.Builder draft = ImmutableReward.builder()
        .rewardId(rewardId).programme(spec.id()).beneficiary(a.referrer()).referee(a.referee()).trigger(trigger)
        .orderId(orderId).rewardKey(spec.referrerReward().rewardKey()).value(spec.referrerReward().value())
        .qualifiedAt(at).payableAt(at.plus(spec.reviewPeriod()));
    if (ctx.directory().isErased(a.referrer())) {
      // attributed before the referrer's erasure: the referral qualified, but nobody is paid for it
      counters.qualified.increment();
      return ctx.ledger().create(account, draft.state(RewardState.DENIED).note("the referrer was erased").build())
          .<ReferralOutcome>map(ReferralOutcome.Qualified::new)
          .orElseGet(() -> new ReferralOutcome.Duplicate("reward " + rewardId + " exists"));
    }
    Optional<FraudFlag> self = ctx.screening().selfReferral(a.referrer(), Optional.of(a.referee()), eventIds);
    if (self.isPresent()) {
      Reward denied = draft.state(RewardState.DENIED).addFlags(self.get()).note("refused: " + self.get()).build();
      counters.refused.increment();
      return ctx.ledger().create(account, denied)
          .<ReferralOutcome>map(d -> new ReferralOutcome.Refused(d, d.flags()))
          .orElseGet(() -> new ReferralOutcome.Duplicate("reward " + rewardId + " exists"));
    }
    TreeMap<Instant, Integer> times = recent.computeIfAbsent(a.referrer(), k -> new TreeMap<>());
    Optional<FraudFlag> fast = Screening.velocity(times, at, spec.maxQualificationsPerHour(), a.referrer());
    if (fast.isPresent()) {
      draft.state(RewardState.IN_REVIEW).addFlags(fast.get()).reviewDeadline(now.plus(spec.reviewDeadline()));
    } else {
      draft.state(RewardState.PENDING);
    }
    Optional<Reward> created = ctx.ledger().create(account, draft.build());
    if (created.isEmpty()) {
      return new ReferralOutcome.Duplicate("reward " + rewardId + " exists");
    }
    Reward reward = created.get();
    times.merge(at, 1, Integer::sum);
    times.headMap(times.lastKey().minus(VELOCITY_MEMORY)).clear();
    counters.qualified.increment();
    if (reward.state() == RewardState.IN_REVIEW) {
      counters.flagged.increment();
    }
    // over the budget or the cap the ledger stores the reward DENIED: the referral still qualified, but a referral
    // the programme does not pay for pays nobody upstream either
    if (reward.state() != RewardState.DENIED) {
      upstreamRewards(a, trigger, orderId, at);
    }
    return new ReferralOutcome.Qualified(ReviewQueue.payIfDue(ctx.ledger(), account, reward, now));
  }

  /** Indirect rewards, only reachable for a programme defined with a recorded legal override. */
  private void upstreamRewards(Attribution a, String trigger, Optional<String> orderId, Instant at) {
    CustomerId below = a.referrer();
    for (int level = 2; level <= spec.rewardLevels() && spec.indirectReward().isPresent(); level++) {
      Optional<Attribution> up = ctx.store().attributionOf(spec.id(), below);
      if (up.isEmpty()) {
        return;
      }
      RewardSpec indirect = spec.indirectReward().get();
      ctx.ledger().create(account, ImmutableReward.builder()
          .rewardId(rewardId(a.referee(), trigger, level)).programme(spec.id())
          .beneficiary(up.get().referrer()).referee(a.referee()).trigger(trigger).level(level).orderId(orderId)
          .rewardKey(indirect.rewardKey()).value(indirect.value()).state(RewardState.PENDING)
          .qualifiedAt(at).payableAt(at.plus(spec.reviewPeriod())).build());
      below = up.get().referrer();
    }
  }

  /** Reverses every level's reward of the referee of {@code a} that the refunded order qualified. */
  List<ReferralOutcome> refund(Attribution a, Refund r) {
    List<ReferralOutcome> out = new ArrayList<>();
    Set<String> reversed = new HashSet<>();
    for (String trigger : List.of("first-purchase", "order:" + r.orderId())) {
      for (int level = 1; level <= spec.rewardLevels(); level++) {
        List<String> ids = level == 1 ? List.of(rewardId(a.referee(), trigger, level))
            : List.of(rewardId(a.referee(), trigger, level),
                RewardIds.legacy(spec.id(), a.referee().value(), trigger, level));
        for (String id : ids) {
          // an id alone may name another order's reward (a legacy id can): the reward must be this order's
          ctx.ledger().find(id)
              .filter(w -> w.programme().equals(spec.id()) && w.referee().equals(Optional.of(a.referee()))
                  && w.orderId().equals(Optional.of(r.orderId())) && reversed.add(w.rewardId()))
              .ifPresent(w -> out.add(reverse(w, r)));
        }
      }
    }
    return out;
  }

  private ReferralOutcome reverse(Reward w, Refund r) {
    if (r.at().isAfter(w.payableAt())) {
      return new ReferralOutcome.NotQualified(spec.id(), "refund at " + r.at() + " is after the review period of "
          + w.rewardId() + " ended at " + w.payableAt());
    }
    RewardState to = w.state() == RewardState.ISSUED ? RewardState.CLAWED_BACK : RewardState.CANCELLED;
    Optional<Reward> moved = ctx.ledger().move(account, w, to, "order " + r.orderId() + " refunded at " + r.at());
    if (moved.isEmpty()) {
      return new ReferralOutcome.Duplicate("reward " + w.rewardId() + " is already " + w.state());
    }
    counters.reversed.increment();
    return new ReferralOutcome.Reversed(moved.get());
  }

  private String rewardId(CustomerId referee, String trigger, int level) {
    return RewardIds.of(spec.id(), referee.value(), trigger, level);
  }
}
