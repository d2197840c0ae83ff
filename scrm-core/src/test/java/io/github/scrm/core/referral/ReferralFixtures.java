package io.github.scrm.core.referral;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.spi.PersonDirectory;
import io.github.scrm.core.spi.ReferralStore;
import io.github.scrm.core.spi.RewardIssuer;
import io.github.scrm.core.time.BusinessTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Prose-like fixtures shared by the referral tests. */
final class ReferralFixtures {
  static final Instant START = Instant.parse("2026-03-01T02:00:00Z");
  static final String PROGRAMME = "spring-friends";
  static final CustomerId ALICE = CustomerId.of("alice");
  static final CustomerId BOB = CustomerId.of("bob");

  final MutableClock clock = new MutableClock(START);
  final PersonDirectory.InMemoryPersonDirectory directory = PersonDirectory.inMemory();
  /** The host's order records, by customer: order id and when it was placed. */
  final Map<CustomerId, Map<String, Instant>> orders = new ConcurrentHashMap<>();
  /** {@link #directory}, and for customers with {@link #orders} the answer whether an order came before another. */
  final PersonDirectory withOrders = new PersonDirectory() {
    @Override
    public Optional<CustomerId> resolve(Collection<Identifier> identifiers) {
      return directory.resolve(identifiers);
    }

    @Override
    public Set<Identifier> identifiersOf(CustomerId customer) {
      return directory.identifiersOf(customer);
    }

    @Override
    public Optional<Instant> firstSeen(CustomerId customer) {
      return directory.firstSeen(customer);
    }

    @Override
    public Optional<Boolean> hasOrderBefore(CustomerId customer, Instant since, String orderId, Instant at) {
      Map<String, Instant> placed = orders.get(customer);
      return placed == null ? Optional.empty() : Optional.of(placed.entrySet().stream().anyMatch(o ->
          !o.getKey().equals(orderId) && !o.getValue().isBefore(since) && o.getValue().isBefore(at)));
    }
  };
  final RewardIssuer.RecordingRewardIssuer issuer = RewardIssuer.recording();
  final ReferralStore store = ReferralStore.inMemory();
  final Referrals referrals;

  /** An engine paying through the recording {@link #issuer}. */
  ReferralFixtures() {
    referrals = engine(issuer);
  }

  /** An engine paying through {@code custom}. */
  ReferralFixtures(RewardIssuer custom) {
    referrals = engine(custom);
  }

  private Referrals engine(RewardIssuer use) {
    return Referrals.builder().time(BusinessTime.of(clock)).ids(IdSource.sequential("t", 42))
        .directory(withOrders).issuer(use).store(store).build();
  }

  static Identifier openid(String value) {
    return Identifier.scoped(IdentifierType.WECHAT_OPENID, "wx-app", value);
  }

  static Identifier unionid(String value) {
    return Identifier.scoped(IdentifierType.WECHAT_UNIONID, "open-platform", value);
  }

  static Identifier device(String value) {
    return Identifier.of(IdentifierType.DEVICE_ID, value);
  }

  /** A personal identifier as the host supplies it: the keyed hash of {@code source}, fully masked. */
  static Identifier hashed(IdentifierType type, String source) {
    return new Identifier(type, "", io.github.scrm.core.Fixtures.PERSONAL.hash(type, source), "****");
  }

  /** Registers an existing customer known since the start, with one openid named after them. */
  ReferralFixtures existingCustomer(CustomerId id, Identifier... more) {
    directory.add(id, START.minus(Duration.ofDays(30)), openid("o-" + id.value()));
    if (more.length > 0) {
      directory.add(id, START.minus(Duration.ofDays(30)), more);
    }
    return this;
  }

  /** A registration-triggered programme of 30 days paying ¥20 per referral from a ¥1,000 budget; vary with withX. */
  static ImmutableProgrammeSpec aProgramme() {
    return ImmutableProgrammeSpec.builder().id(PROGRAMME).name("Spring friends")
        .startsAt(START).endsAt(START.plus(Duration.ofDays(30)))
        .trigger(Trigger.registration())
        .referrerReward(RewardSpec.of("coupon-20", Money.fen(20_00)))
        .budget(Money.fen(1_000_00)).build();
  }

  Definition.Accepted define(ProgrammeSpec spec) {
    Definition d = referrals.define(spec);
    if (d instanceof Definition.Accepted a) {
      return a;
    }
    throw new AssertionError("programme refused: " + d);
  }

  ReferralCode codeOf(CustomerId customer) {
    return codeOf(PROGRAMME, customer);
  }

  ReferralCode codeOf(String programme, CustomerId customer) {
    ReferralOutcome o = referrals.codeFor(programme, customer);
    if (o instanceof ReferralOutcome.CodeIssued issued) {
      return issued.assignment().code();
    }
    throw new AssertionError("no code: " + o);
  }

  /** A prospect scans the referrer's code now, then registers a minute later as {@code newcomer}. */
  List<ReferralOutcome> referNewcomer(CustomerId referrer, CustomerId newcomer) {
    Identifier visitor = openid("o-" + newcomer.value());
    referrals.scan(Touch.scan(codeOf(referrer), Set.of(visitor), clock.instant()));
    clock.advance(Duration.ofMinutes(1));
    return registerNow(newcomer, visitor);
  }

  List<ReferralOutcome> registerNow(CustomerId newcomer, Identifier... ids) {
    directory.add(newcomer, clock.instant(), ids);
    return referrals.register(new Registration(newcomer, Set.of(ids), clock.instant()));
  }

  static Reward rewardOf(List<ReferralOutcome> outcomes) {
    return outcomes.stream().filter(o -> o instanceof ReferralOutcome.Qualified)
        .map(o -> ((ReferralOutcome.Qualified) o).reward()).findFirst()
        .orElseThrow(() -> new AssertionError("no qualification in " + outcomes));
  }
}
