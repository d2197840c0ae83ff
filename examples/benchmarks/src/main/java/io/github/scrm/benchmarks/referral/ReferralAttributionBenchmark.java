package io.github.scrm.benchmarks.referral;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.referral.ImmutableProgrammeSpec;
import io.github.scrm.core.referral.ReferralCode;
import io.github.scrm.core.referral.ReferralOutcome;
import io.github.scrm.core.referral.Referrals;
import io.github.scrm.core.referral.Registration;
import io.github.scrm.core.referral.RewardSpec;
import io.github.scrm.core.referral.Touch;
import io.github.scrm.core.referral.Trigger;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.spi.PersonDirectory;
import io.github.scrm.core.time.BusinessTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * One referral per operation on one thread: a prospect scans a referrer's code (screened for existing customer and
 * shared identifiers, deduplicated), then registers (attributed first-touch, screened for self-referral and cycles,
 * attribution stored). That is two referral events per operation. The programme qualifies on first purchase, so no
 * reward is created: this measures attribution and screening alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class ReferralAttributionBenchmark {
  private static final int NEWCOMERS = 1_000_000;
  private static final int REFERRERS = 1_000;
  private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");
  private static final Instant SCAN_AT = T0.plus(Duration.ofHours(1));
  private static final Instant JOIN_AT = T0.plus(Duration.ofHours(2));

  private PersonDirectory.InMemoryPersonDirectory directory;
  private CustomerId[] newcomers;
  private Set<Identifier>[] visitors;
  private CustomerId[] referrers;
  private Referrals referrals;
  private ReferralCode[] codes;
  private int next;

  @Setup(Level.Trial)
  @SuppressWarnings("unchecked")
  public void customers() {
    directory = PersonDirectory.inMemory();
    referrers = new CustomerId[REFERRERS];
    for (int i = 0; i < REFERRERS; i++) {
      referrers[i] = CustomerId.of("ref-" + i);
      directory.add(referrers[i], T0.minus(Duration.ofDays(30)),
          Identifier.scoped(IdentifierType.WECHAT_OPENID, "app", "o-ref-" + i),
          Identifier.of(IdentifierType.DEVICE_ID, "dev-ref-" + i));
    }
    newcomers = new CustomerId[NEWCOMERS];
    visitors = new Set[NEWCOMERS];
    for (int i = 0; i < NEWCOMERS; i++) {
      newcomers[i] = CustomerId.of("new-" + i);
      Identifier openid = Identifier.scoped(IdentifierType.WECHAT_OPENID, "app", "o-new-" + i);
      visitors[i] = Set.of(openid);
      directory.add(newcomers[i], JOIN_AT, openid);
    }
  }

  @Setup(Level.Iteration)
  public void freshEngine() {
    referrals = Referrals.builder().time(BusinessTime.of(Clock.fixed(JOIN_AT, ZoneOffset.UTC)))
        .ids(IdSource.sequential("bench", 7)).directory(directory).build();
    referrals.define(ImmutableProgrammeSpec.builder().id("bench").name("Benchmark programme")
        .startsAt(T0).endsAt(T0.plus(Duration.ofDays(30))).trigger(Trigger.firstPurchase(Money.fen(100_00)))
        .referrerReward(RewardSpec.of("coupon", Money.fen(20_00))).budget(Money.fen(Long.MAX_VALUE / 2))
        .capPerReferrer(Integer.MAX_VALUE).build());
    codes = new ReferralCode[REFERRERS];
    for (int i = 0; i < REFERRERS; i++) {
      codes[i] = ((ReferralOutcome.CodeIssued) referrals.codeFor("bench", referrers[i])).assignment().code();
    }
    next = 0;
  }

  /** Scan plus registration of one new customer: two referral events. */
  @Benchmark
  public List<ReferralOutcome> scanAndRegister() {
    int i = next++ % NEWCOMERS;
    referrals.scan(Touch.scan(codes[i % REFERRERS], visitors[i], SCAN_AT));
    return referrals.register(new Registration(newcomers[i], Set.of(), JOIN_AT));
  }
}
