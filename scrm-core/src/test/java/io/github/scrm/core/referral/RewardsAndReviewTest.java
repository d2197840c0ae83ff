package io.github.scrm.core.referral;

import static io.github.scrm.core.referral.ReferralFixtures.ALICE;
import static io.github.scrm.core.referral.ReferralFixtures.BOB;
import static io.github.scrm.core.referral.ReferralFixtures.PROGRAMME;
import static io.github.scrm.core.referral.ReferralFixtures.aProgramme;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.ScrmException;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.spi.RewardOutcome;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class RewardsAndReviewTest {
  private final ReferralFixtures f = new ReferralFixtures();

  private Reward refer(CustomerId referrer, String newcomer) {
    return ReferralFixtures.rewardOf(f.referNewcomer(referrer, CustomerId.of(newcomer)));
  }

  @Test
  void budget_exhausted_deniesFurtherRewardsWithTheReason() {
    f.existingCustomer(ALICE);
    f.define(aProgramme().withBudget(Money.fen(40_00)));

    refer(ALICE, "n1");
    refer(ALICE, "n2");
    Reward third = refer(ALICE, "n3");

    assertThat(third.state()).isEqualTo(RewardState.DENIED);
    assertThat(third.note()).contains("budget exhausted").contains("0.00 CNY left");
  }

  @Test
  void capPerReferrer_deniesBeyondTheCap() {
    f.existingCustomer(ALICE).existingCustomer(BOB);
    f.define(aProgramme().withCapPerReferrer(1));

    Reward first = refer(ALICE, "n1");
    Reward second = refer(ALICE, "n2");
    Reward bobs = refer(BOB, "n3");

    assertThat(first.state()).isEqualTo(RewardState.PENDING);
    assertThat(second.state()).isEqualTo(RewardState.DENIED);
    assertThat(second.note()).contains("cap per referrer reached: 1 of 1");
    assertThat(bobs.state()).isEqualTo(RewardState.PENDING);
  }

  @Test
  void issuerRefusal_cancelsTheRewardAndFreesTheBudget() {
    ReferralFixtures g = new ReferralFixtures(request -> new RewardOutcome.Refused("coupon stock empty"));
    g.existingCustomer(ALICE);
    g.define(aProgramme().withReviewPeriod(Duration.ZERO).withBudget(Money.fen(20_00)));

    Reward r = ReferralFixtures.rewardOf(g.referNewcomer(ALICE, CustomerId.of("n1")));
    Reward next = ReferralFixtures.rewardOf(g.referNewcomer(ALICE, CustomerId.of("n2")));

    assertThat(r.state()).isEqualTo(RewardState.CANCELLED);
    assertThat(r.note()).contains("coupon stock empty");
    assertThat(next.note()).doesNotContain("budget");
  }

  @Test
  void issuerFailure_keepsTheRewardApprovedAndTheNextSettleRetries() {
    AtomicInteger calls = new AtomicInteger();
    ReferralFixtures g = new ReferralFixtures(request -> {
      if (calls.incrementAndGet() == 1) {
        throw new ScrmException("coupon service unavailable");
      }
      return new RewardOutcome.Issued("coupon-123");
    });
    g.existingCustomer(ALICE);
    g.define(aProgramme().withReviewPeriod(Duration.ZERO));

    Reward first = ReferralFixtures.rewardOf(g.referNewcomer(ALICE, CustomerId.of("n1")));
    Reward retried = g.referrals.settle().get(0);

    assertThat(first.state()).isEqualTo(RewardState.APPROVED);
    assertThat(retried.state()).isEqualTo(RewardState.ISSUED);
    assertThat(retried.reference()).contains("coupon-123");
  }

  @Test
  void velocity_flagsIntoTheReviewQueue_andApprovalPays() {
    f.existingCustomer(ALICE);
    f.define(aProgramme().withMaxQualificationsPerHour(2).withReviewPeriod(Duration.ZERO));

    refer(ALICE, "n1");
    refer(ALICE, "n2");
    Reward third = refer(ALICE, "n3");

    assertThat(third.state()).isEqualTo(RewardState.IN_REVIEW);
    assertThat(f.referrals.reviews().pending()).singleElement().satisfies(item -> {
      assertThat(item.flags()).extracting(FraudFlag::signal).containsExactly(FraudSignal.VELOCITY);
      assertThat(item.deadline()).isEqualTo(f.clock.instant().plus(Duration.ofDays(3)));
      assertThat(item.onLapse()).isEqualTo(LapsePolicy.DENY);
    });

    ReviewOutcome decided = f.referrals.reviews().approve(third.rewardId(), "ops-lee");

    assertThat(decided).isInstanceOfSatisfying(ReviewOutcome.Decided.class,
        d -> assertThat(d.reward().state()).isEqualTo(RewardState.ISSUED));
    assertThat(f.referrals.reviews().pending()).isEmpty();
    assertThat(f.referrals.reviews().approve(third.rewardId(), "ops-lee"))
        .isInstanceOf(ReviewOutcome.NotInReview.class);
    assertThat(f.referrals.reviews().deny("nope", "ops-lee", "x")).isEqualTo(new ReviewOutcome.NotFound("nope"));
  }

  @Test
  void deny_freesTheBudget() {
    f.existingCustomer(ALICE);
    f.define(aProgramme().withMaxQualificationsPerHour(1).withBudget(Money.fen(40_00)));
    refer(ALICE, "n1");
    Reward flagged = refer(ALICE, "n2");

    f.referrals.reviews().deny(flagged.rewardId(), "ops-lee", "same family");
    f.clock.advance(Duration.ofHours(2));
    Reward next = refer(ALICE, "n3");

    assertThat(f.store.find(flagged.rewardId()).orElseThrow().note()).contains("denied by ops-lee: same family");
    assertThat(next.state()).isEqualTo(RewardState.PENDING);
  }

  @Test
  void lapsedReview_followsTheProgrammesPolicy() {
    assertThat(stateAfterLapse(LapsePolicy.DENY)).isEqualTo(RewardState.DENIED);
    assertThat(stateAfterLapse(LapsePolicy.APPROVE)).isEqualTo(RewardState.ISSUED);
  }

  private static RewardState stateAfterLapse(LapsePolicy policy) {
    ReferralFixtures g = new ReferralFixtures();
    g.existingCustomer(ALICE);
    g.define(aProgramme().withMaxQualificationsPerHour(1).withReviewPeriod(Duration.ZERO).withLapsePolicy(policy));
    g.referNewcomer(ALICE, CustomerId.of("n1"));
    Reward flagged = ReferralFixtures.rewardOf(g.referNewcomer(ALICE, CustomerId.of("n2")));
    assertThat(flagged.state()).isEqualTo(RewardState.IN_REVIEW);

    g.clock.advance(Duration.ofDays(3));
    g.referrals.settle();

    return g.store.find(flagged.rewardId()).orElseThrow().state();
  }

  @Test
  void overriddenTwoLevelProgramme_paysTheUpstreamReferrerToo() {
    f.existingCustomer(ALICE);
    f.define(aProgramme().withRewardLevels(2).withIndirectReward(RewardSpec.of("points-5", Money.fen(5_00)))
        .withLegalOverride(new LegalOverride("legal@retailer", "points only, reviewed 2026-02")));
    f.referNewcomer(ALICE, CustomerId.of("bea"));

    f.referNewcomer(CustomerId.of("bea"), CustomerId.of("cid"));

    assertThat(f.referrals.rewards(PROGRAMME)).extracting(Reward::beneficiary, Reward::rewardKey)
        .contains(org.assertj.core.groups.Tuple.tuple(ALICE, "points-5"),
            org.assertj.core.groups.Tuple.tuple(CustomerId.of("bea"), "coupon-20"));
  }

  @Test
  void aRewardDeniedForTheBudget_paysNoUpstreamRewardEither() {
    f.existingCustomer(ALICE);
    // room for one direct reward (20.00) and one indirect (5.00)
    f.define(aProgramme().withRewardLevels(2).withIndirectReward(RewardSpec.of("points-5", Money.fen(5_00)))
        .withLegalOverride(new LegalOverride("legal@retailer", "points only, reviewed 2026-02"))
        .withBudget(Money.fen(25_00)));
    f.referNewcomer(ALICE, CustomerId.of("bea"));

    Reward beas = refer(CustomerId.of("bea"), "cid");

    assertThat(beas.state()).isEqualTo(RewardState.DENIED);
    assertThat(beas.note()).contains("budget exhausted");
    assertThat(f.referrals.rewards(PROGRAMME)).filteredOn(r -> r.referee().equals(java.util.Optional.of(CustomerId.of("cid"))))
        .extracting(Reward::beneficiary).containsExactly(CustomerId.of("bea"));
  }

  @Test
  void ledger_forbidsTransitionsOutOfTerminalStates() {
    for (RewardState terminal : new RewardState[] {RewardState.CANCELLED, RewardState.DENIED,
        RewardState.CLAWED_BACK}) {
      for (RewardState to : RewardState.values()) {
        assertThat(RewardLedger.allowed(terminal, to)).as(terminal + " -> " + to).isFalse();
      }
    }
    assertThat(RewardLedger.allowed(RewardState.ISSUED, RewardState.CANCELLED)).isFalse();
    assertThat(RewardLedger.allowed(RewardState.ISSUED, RewardState.CLAWED_BACK)).isTrue();
  }
}
