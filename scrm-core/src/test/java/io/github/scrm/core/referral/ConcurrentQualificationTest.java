package io.github.scrm.core.referral;

import static io.github.scrm.core.referral.ReferralFixtures.ALICE;
import static io.github.scrm.core.referral.ReferralFixtures.PROGRAMME;
import static io.github.scrm.core.referral.ReferralFixtures.aProgramme;
import static io.github.scrm.core.referral.ReferralFixtures.openid;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.spi.RewardOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class ConcurrentQualificationTest {
  private static final int THREADS = 16;

  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final ReferralFixtures f = new ReferralFixtures(request -> {
    calls.computeIfAbsent(request.rewardId(), k -> new AtomicInteger()).incrementAndGet();
    return new RewardOutcome.Issued(request.rewardId());
  });

  @Test
  void sameReferee_qualifiedFromManyThreads_earnsExactlyOneReward() throws Exception {
    f.existingCustomer(ALICE);
    f.define(aProgramme().withTrigger(Trigger.firstPurchase(Money.fen(50_00))).withReviewPeriod(Duration.ZERO));
    CustomerId carol = CustomerId.of("carol");
    f.referNewcomer(ALICE, carol);
    Purchase order = new Purchase(carol, "o-1", Money.fen(80_00), Set.of(), f.clock.instant());

    List<List<ReferralOutcome>> outcomes = hammer(() -> {
      List<ReferralOutcome> o = f.referrals.purchase(order);
      f.referrals.settle();
      return o;
    });

    assertThat(outcomes.stream().flatMap(List::stream).filter(o -> o instanceof ReferralOutcome.Qualified))
        .hasSize(1);
    assertThat(f.referrals.rewards(PROGRAMME)).singleElement()
        .extracting(Reward::state).isEqualTo(RewardState.ISSUED);
    assertThat(calls).hasSize(1).allSatisfy((id, n) -> assertThat(n.get()).isEqualTo(1));
  }

  @Test
  void manyReferees_inParallel_neverOverspendTheBudget() throws Exception {
    f.existingCustomer(ALICE);
    f.define(aProgramme().withReviewPeriod(Duration.ZERO).withBudget(Money.fen(100_00)).withCapPerReferrer(1000)
        .withMaxQualificationsPerHour(1000));
    ReferralCode code = f.codeOf(ALICE);
    AtomicInteger next = new AtomicInteger();

    hammer(() -> {
      int n = next.incrementAndGet();
      CustomerId newcomer = CustomerId.of("n" + n);
      f.referrals.scan(Touch.scan(code, Set.of(openid("v" + n)), f.clock.instant()));
      f.directory.add(newcomer, f.clock.instant(), openid("v" + n));
      return f.referrals.register(new Registration(newcomer, Set.of(), f.clock.instant()));
    });

    assertThat(f.referrals.rewards(PROGRAMME)).hasSize(THREADS)
        .filteredOn(r -> r.state() == RewardState.ISSUED).hasSize(5);
    assertThat(f.referrals.stats(PROGRAMME).orElseThrow().rewardCost()).isEqualTo(Money.fen(100_00));
  }

  private <T> List<T> hammer(java.util.concurrent.Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      futures.add(pool.submit(() -> {
        start.await();
        return task.call();
      }));
    }
    start.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> fu : futures) {
      results.add(fu.get(30, TimeUnit.SECONDS));
    }
    pool.shutdown();
    return results;
  }
}
