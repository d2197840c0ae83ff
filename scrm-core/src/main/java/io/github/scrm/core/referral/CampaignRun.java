package io.github.scrm.core.referral;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.referral.ReferralOutcome.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One running supporter campaign. Supporters are counted per natural person: a known customer by their customer id,
 * an unknown one by the identifiers seen together with theirs in this campaign. Called under the account lock.
 */
final class CampaignRun {
  /** The prefix of a supporter not known as a customer, followed by an identifier key. */
  static final String PROSPECT = "prospect:";
  /** The prefix of the random name an erased supporter's supports are kept under; no live name starts with it. */
  static final String ERASED = "erased:";

  final CampaignSpec spec;
  final RewardLedger.Account account;
  private final Context ctx;
  private final Analytics.Counters counters;
  private final Map<ReferralCode, Poster> posters = new HashMap<>();
  private final Map<String, String> personByIdentifier = new HashMap<>();
  private final Map<String, Set<ReferralCode>> supported = new HashMap<>();
  private final Map<String, Set<ReferralCode>> attempted = new HashMap<>();

  private static final class Poster {
    final CodeAssignment assignment;
    final Map<String, Instant> supporters = new LinkedHashMap<>();
    final Map<String, Integer> devices = new HashMap<>();
    final Map<String, Integer> networks = new HashMap<>();
    final TreeSet<Integer> reached = new TreeSet<>();

    Poster(CodeAssignment assignment) {
      this.assignment = assignment;
    }
  }

  CampaignRun(CampaignSpec spec, RewardLedger.Account account, Context ctx) {
    this.spec = spec;
    this.account = account;
    this.ctx = ctx;
    this.counters = ctx.analytics().counters(spec.id());
  }

  boolean running(Instant at) {
    return !at.isBefore(spec.startsAt()) && !at.isAfter(spec.deadline());
  }

  void adopt(CodeAssignment assignment) {
    if (posters.putIfAbsent(assignment.code(), new Poster(assignment)) == null) {
      counters.invites.increment();
    }
  }

  ReferralOutcome support(Support s) {
    Poster poster = posters.get(s.poster());
    if (poster == null) {
      return new ReferralOutcome.Rejected(Reason.UNKNOWN_CODE, "no poster " + s.poster() + " in " + spec.id());
    }
    if (!running(s.at())) {
      return new ReferralOutcome.Rejected(Reason.NOT_RUNNING, "campaign " + spec.id() + " runs from "
          + spec.startsAt() + " to " + spec.deadline() + ", support at " + s.at());
    }
    if (s.supporter().isEmpty()) {
      return new ReferralOutcome.Rejected(Reason.NO_IDENTIFIERS, "the support carried no identifier");
    }
    CustomerId owner = poster.assignment.owner();
    Optional<CustomerId> known = ctx.directory().resolve(personal(s.supporter()));
    Optional<FraudFlag> self = ctx.screening().selfReferral(owner, known, s.supporter());
    if (self.isPresent()) {
      counters.refused.increment();
      return new ReferralOutcome.Rejected(Reason.SELF, self.get().detail());
    }
    String person = person(known, s.supporter());
    register(person, personal(s.supporter())); // identifiers seen together belong to one person from now on
    if (poster.supporters.containsKey(person)) {
      return new ReferralOutcome.Duplicate("this person already supported poster " + s.poster());
    }
    Set<ReferralCode> tried = attempted.computeIfAbsent(person, k -> new HashSet<>());
    tried.add(s.poster());
    Set<ReferralCode> done = supported.getOrDefault(person, Set.of());
    if (done.size() >= spec.postersPerSupporter()) {
      return new ReferralOutcome.Rejected(Reason.SUPPORTER_LIMIT, "the supporter already supported " + done.size()
          + " poster(s), the limit in " + spec.id() + " is " + spec.postersPerSupporter());
    }
    List<String> keys = personal(s.supporter()).stream().map(Identifier::key).sorted().toList();
    if (!ctx.store().recordSupport(
        new SupportRecord(spec.id(), s.poster(), person, keys, s.device(), s.network(), s.at()))) {
      return new ReferralOutcome.Duplicate("this person already supported poster " + s.poster());
    }
    count(poster, person, s.device(), s.network(), s.at());
    List<Reward> earned = new ArrayList<>();
    for (LadderStep step : spec.ladder()) {
      if (poster.supporters.size() >= step.supporters() && poster.reached.add(step.supporters())) {
        earned.add(ladderReward(poster, step, s.at()));
      }
    }
    return new ReferralOutcome.Supported(progress(poster), earned);
  }

  private void count(Poster poster, String person, Optional<String> device, Optional<String> network, Instant at) {
    supported.computeIfAbsent(person, k -> new HashSet<>()).add(poster.assignment.code());
    attempted.computeIfAbsent(person, k -> new HashSet<>()).add(poster.assignment.code());
    poster.supporters.put(person, at);
    device.ifPresent(d -> poster.devices.merge(d, 1, Integer::sum));
    network.ifPresent(n -> poster.networks.merge(n, 1, Integer::sum));
    counters.supports.increment();
  }

  /**
   * Rebuilds posters, supporters and the rungs reached from the store after a restart. Rungs at or below a poster's
   * count were paid (or flagged) when reached; their rewards are in the ledger already.
   */
  void restore() {
    for (SupportRecord r : ctx.store().supportsOf(spec.id())) {
      Optional<CodeAssignment> owner = ctx.store().codeOwner(r.poster());
      if (owner.isEmpty()) {
        continue;
      }
      adopt(owner.get());
      Poster poster = posters.get(r.poster());
      for (String key : r.identifierKeys()) {
        personByIdentifier.putIfAbsent(key, r.person());
      }
      if (!poster.supporters.containsKey(r.person())) {
        count(poster, r.person(), r.device(), r.network(), r.at());
      }
    }
    for (Poster poster : posters.values()) {
      for (LadderStep step : spec.ladder()) {
        if (poster.supporters.size() >= step.supporters()) {
          poster.reached.add(step.supporters());
        }
      }
    }
  }

  private Reward ladderReward(Poster poster, LadderStep step, Instant at) {
    List<FraudFlag> flags = flags(poster);
    Instant now = ctx.time().now();
    String rewardId = RewardIds.of(spec.id(), poster.assignment.owner().value(), "ladder:" + step.supporters(), 1);
    ImmutableReward.Builder draft = ImmutableReward.builder()
        .rewardId(rewardId)
        .programme(spec.id()).beneficiary(poster.assignment.owner()).trigger("ladder:" + step.supporters())
        .rewardKey(step.reward().rewardKey()).value(step.reward().value()).qualifiedAt(at).payableAt(at)
        .addAllFlags(flags);
    if (flags.isEmpty()) {
      draft.state(RewardState.PENDING);
    } else {
      draft.state(RewardState.IN_REVIEW).reviewDeadline(now.plus(spec.reviewDeadline()));
    }
    Optional<Reward> created = ctx.ledger().create(account, draft.build());
    if (created.isEmpty()) {
      return ctx.ledger().find(rewardId).orElseThrow();
    }
    counters.qualified.increment();
    if (!flags.isEmpty()) {
      counters.flagged.increment();
    }
    return ReviewQueue.payIfDue(ctx.ledger(), account, created.get(), now);
  }

  private List<FraudFlag> flags(Poster poster) {
    List<FraudFlag> flags = new ArrayList<>();
    cluster(poster.devices, FraudSignal.DEVICE_CLUSTER, "device").ifPresent(flags::add);
    cluster(poster.networks, FraudSignal.NETWORK_CLUSTER, "network").ifPresent(flags::add);
    int serial = 0;
    for (String person : poster.supporters.keySet()) {
      if (attempted.getOrDefault(person, Set.of()).size() >= spec.serialSupporterThreshold()) {
        serial++;
      }
    }
    if (serial > 0) {
      flags.add(new FraudFlag(FraudSignal.SERIAL_SUPPORTER, serial + " supporter(s) tried to support at least "
          + spec.serialSupporterThreshold() + " posters"));
    }
    return flags;
  }

  private Optional<FraudFlag> cluster(Map<String, Integer> counts, FraudSignal signal, String what) {
    int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    return max >= spec.clusterThreshold()
        ? Optional.of(new FraudFlag(signal, max + " supporters on one " + what + ", threshold "
            + spec.clusterThreshold()))
        : Optional.empty();
  }

  private static List<Identifier> personal(Set<Identifier> ids) {
    return Screening.personIdentifiers(ids);
  }

  /**
   * Who supports: the person an earlier support by any of these identifiers, or by any identifier the directory now
   * gives the same customer, was counted as (a prospect who has since become a customer is still that one person);
   * else the customer; else a prospect named by the smallest identifier key.
   */
  private String person(Optional<CustomerId> known, Set<Identifier> ids) {
    Set<Identifier> all = new LinkedHashSet<>(ids);
    known.ifPresent(customer -> all.addAll(ctx.directory().identifiersOf(customer)));
    for (Identifier id : personal(all)) {
      String p = personByIdentifier.get(id.key());
      if (p != null) {
        return p;
      }
    }
    if (known.isPresent()) {
      return personOf(known.get());
    }
    String smallest = null;
    for (Identifier id : personal(ids)) {
      smallest = smallest == null || id.key().compareTo(smallest) < 0 ? id.key() : smallest;
    }
    return PROSPECT + (smallest == null ? ids.iterator().next().key() : smallest);
  }

  /** How a known customer is named as a supporter in {@link SupportRecord#person()}. */
  static String personOf(CustomerId customer) {
    return "customer:" + customer.value();
  }

  private void register(String person, List<Identifier> ids) {
    for (Identifier id : ids) {
      personByIdentifier.putIfAbsent(id.key(), person);
    }
  }

  /**
   * PIPL erasure: forgets which identifiers named {@code person} and renames what was counted under that name to
   * {@code anonymousName}, as the store does, so each poster still counts the person once and progress is unchanged.
   */
  void forget(String person, String anonymousName, List<SupportRecord> supports) {
    personByIdentifier.values().removeIf(person::equals);
    // the erased supports keep counting as supporters but no longer name a device or network: neither do the counts
    // kept for the clusters, so that a poster's flags are what a restart would rebuild from the store
    for (SupportRecord r : supports) {
      Poster poster = r.campaign().equals(spec.id()) ? posters.get(r.poster()) : null;
      if (poster != null) {
        r.device().ifPresent(d -> poster.devices.computeIfPresent(d, (k, n) -> n > 1 ? n - 1 : null));
        r.network().ifPresent(n -> poster.networks.computeIfPresent(n, (k, c) -> c > 1 ? c - 1 : null));
      }
    }
    rename(supported, person, anonymousName);
    rename(attempted, person, anonymousName);
    for (Poster poster : posters.values()) {
      if (poster.supporters.containsKey(person)) {
        // rebuilt rather than re-put, so the supporters keep the order they came in
        Map<String, Instant> renamed = new LinkedHashMap<>();
        poster.supporters.forEach((p, at) -> renamed.put(p.equals(person) ? anonymousName : p, at));
        poster.supporters.clear();
        poster.supporters.putAll(renamed);
      }
    }
  }

  private static <V> void rename(Map<String, V> map, String from, String to) {
    V value = map.remove(from);
    if (value != null) {
      map.put(to, value);
    }
  }

  Optional<PosterProgress> progress(ReferralCode code) {
    return Optional.ofNullable(posters.get(code)).map(this::progress);
  }

  private PosterProgress progress(Poster p) {
    int count = p.supporters.size();
    Optional<Integer> next = spec.ladder().stream().map(LadderStep::supporters).filter(n -> n > count).findFirst();
    return new PosterProgress(spec.id(), p.assignment.code(), p.assignment.owner(), count, List.copyOf(p.reached),
        next, next.map(n -> n - count).orElse(0), spec.deadline(), flags(p));
  }
}
