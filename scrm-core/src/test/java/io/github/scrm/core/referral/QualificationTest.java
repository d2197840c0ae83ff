package io.github.scrm.core.referral;

import static io.github.scrm.core.referral.ReferralFixtures.ALICE;
import static io.github.scrm.core.referral.ReferralFixtures.PROGRAMME;
import static io.github.scrm.core.referral.ReferralFixtures.aProgramme;
import static io.github.scrm.core.referral.ReferralFixtures.hashed;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.time.BusinessTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class QualificationTest {
  private static final CustomerId CAROL = CustomerId.of("carol");

  private final ReferralFixtures f = new ReferralFixtures();

  @BeforeEach
  void aliceIsACustomer() {
    f.existingCustomer(ALICE);
  }

  @Test
  void registrationTrigger_paysAfterTheReviewPeriod() {
    f.define(aProgramme());
    Reward pending = ReferralFixtures.rewardOf(f.referNewcomer(ALICE, CAROL));

    assertThat(f.referrals.settle()).isEmpty();
    f.clock.advance(Duration.ofDays(7));
    List<Reward> settled = f.referrals.settle();

    assertThat(pending.state()).isEqualTo(RewardState.PENDING);
    assertThat(settled).singleElement().satisfies(r -> {
      assertThat(r.state()).isEqualTo(RewardState.ISSUED);
      assertThat(r.reference()).contains(r.rewardId());
    });
    assertThat(f.issuer.issued()).singleElement().satisfies(req -> {
      assertThat(req.beneficiary()).isEqualTo(ALICE);
      assertThat(req.value()).isEqualTo(Money.fen(20_00));
      assertThat(req.rewardKey()).isEqualTo("coupon-20");
    });
  }

  @Test
  void zeroReviewPeriod_paysAtOnce() {
    f.define(aProgramme().withReviewPeriod(Duration.ZERO));

    Reward reward = ReferralFixtures.rewardOf(f.referNewcomer(ALICE, CAROL));

    assertThat(reward.state()).isEqualTo(RewardState.ISSUED);
  }

  @Test
  void firstPurchase_atLeastTheMinimum_qualifiesOnce() {
    f.define(aProgramme().withTrigger(Trigger.firstPurchase(Money.fen(100_00))));
    f.referNewcomer(ALICE, CAROL);

    List<ReferralOutcome> first = f.referrals.purchase(purchase("o-1", 120_00));
    List<ReferralOutcome> repeat = f.referrals.purchase(purchase("o-1", 120_00));
    List<ReferralOutcome> second = f.referrals.purchase(purchase("o-2", 500_00));

    assertThat(ReferralFixtures.rewardOf(first).trigger()).isEqualTo("first-purchase");
    assertThat(repeat).singleElement().isInstanceOf(ReferralOutcome.Duplicate.class);
    assertThat(second).singleElement().isInstanceOf(ReferralOutcome.NotQualified.class);
    assertThat(f.referrals.rewards(PROGRAMME)).hasSize(1);
  }

  @Test
  void firstPurchase_belowTheMinimum_neverQualifies() {
    f.define(aProgramme().withTrigger(Trigger.firstPurchase(Money.fen(100_00))));
    f.referNewcomer(ALICE, CAROL);

    List<ReferralOutcome> small = f.referrals.purchase(purchase("o-1", 99_99));
    List<ReferralOutcome> later = f.referrals.purchase(purchase("o-2", 300_00));

    assertThat(small).singleElement().isInstanceOfSatisfying(ReferralOutcome.NotQualified.class,
        n -> assertThat(n.reason()).contains("99.99 CNY").contains("100.00 CNY"));
    assertThat(later).singleElement().isInstanceOf(ReferralOutcome.NotQualified.class);
    assertThat(f.referrals.rewards(PROGRAMME)).isEmpty();
  }

  @Test
  void firstPurchase_isTheFirstPlaced_whateverOrderTheyAreReportedIn_andAcrossARestart() {
    f.define(aProgramme().withTrigger(Trigger.firstPurchase(Money.fen(100_00))));
    f.referNewcomer(ALICE, CAROL);
    Instant small = f.clock.instant().plus(Duration.ofMinutes(1));
    Instant big = f.clock.instant().plus(Duration.ofHours(1));
    // the host's records hold both orders; the larger, later one is reported first
    f.orders.put(CAROL, Map.of("o-small", small, "o-big", big));

    List<ReferralOutcome> bigFirst = f.referrals.purchase(new Purchase(CAROL, "o-big", Money.fen(200_00), Set.of(), big));
    List<ReferralOutcome> smallLate =
        f.referrals.purchase(new Purchase(CAROL, "o-small", Money.fen(50_00), Set.of(), small));
    Referrals restarted = Referrals.builder().time(BusinessTime.of(f.clock)).ids(IdSource.sequential("r", 9))
        .directory(f.withOrders).issuer(f.issuer).store(f.store).build();
    restarted.define(aProgramme().withTrigger(Trigger.firstPurchase(Money.fen(100_00))));
    List<ReferralOutcome> bigAfterRestart =
        restarted.purchase(new Purchase(CAROL, "o-big", Money.fen(200_00), Set.of(), big));

    assertThat(bigFirst).singleElement().isInstanceOfSatisfying(ReferralOutcome.NotQualified.class,
        n -> assertThat(n.reason()).contains("o-big is not the first purchase"));
    assertThat(smallLate).singleElement().isInstanceOfSatisfying(ReferralOutcome.NotQualified.class,
        n -> assertThat(n.reason()).contains("below the minimum"));
    assertThat(bigAfterRestart).singleElement().isInstanceOf(ReferralOutcome.NotQualified.class);
    assertThat(f.referrals.rewards(PROGRAMME)).isEmpty();
  }

  @Test
  void everyPurchaseWithinNDays_qualifiesEachOrderInsideThePeriod() {
    f.define(aProgramme().withTrigger(Trigger.everyPurchaseWithin(10)));
    f.referNewcomer(ALICE, CAROL);

    f.referrals.purchase(purchase("o-1", 50_00));
    f.clock.advance(Duration.ofDays(5));
    f.referrals.purchase(purchase("o-2", 50_00));
    f.clock.advance(Duration.ofDays(6));
    List<ReferralOutcome> late = f.referrals.purchase(purchase("o-3", 50_00));

    assertThat(f.referrals.rewards(PROGRAMME)).extracting(Reward::trigger).containsExactly("order:o-1", "order:o-2");
    assertThat(late).singleElement().isInstanceOf(ReferralOutcome.NotQualified.class);
  }

  @Test
  void refund_insideTheReviewPeriod_cancelsAndRestoresTheBudget() {
    f.define(aProgramme().withTrigger(Trigger.firstPurchase(Money.fen(100_00))));
    f.referNewcomer(ALICE, CAROL);
    f.referrals.purchase(purchase("o-1", 200_00));
    f.clock.advance(Duration.ofDays(2));

    List<ReferralOutcome> refunded = f.referrals.refund(new Refund(CAROL, "o-1", f.clock.instant()));
    f.clock.advance(Duration.ofDays(10));
    f.referrals.settle();

    assertThat(refunded).singleElement().isInstanceOfSatisfying(ReferralOutcome.Reversed.class,
        r -> assertThat(r.reward().state()).isEqualTo(RewardState.CANCELLED));
    assertThat(f.issuer.issued()).isEmpty();
    assertThat(f.store.rewardsOf(PROGRAMME)).singleElement()
        .extracting(Reward::state).isEqualTo(RewardState.CANCELLED);
  }

  @Test
  void refund_ofAnIssuedRewardWithinItsPeriod_clawsItBack() {
    f.define(aProgramme().withTrigger(Trigger.firstPurchase(Money.fen(100_00))).withReviewPeriod(Duration.ZERO));
    f.referNewcomer(ALICE, CAROL);
    Reward issued = ReferralFixtures.rewardOf(f.referrals.purchase(purchase("o-1", 200_00)));

    List<ReferralOutcome> refunded = f.referrals.refund(new Refund(CAROL, "o-1", issued.qualifiedAt()));

    assertThat(issued.state()).isEqualTo(RewardState.ISSUED);
    assertThat(refunded).singleElement().isInstanceOfSatisfying(ReferralOutcome.Reversed.class,
        r -> assertThat(r.reward().state()).isEqualTo(RewardState.CLAWED_BACK));
    assertThat(f.referrals.stats(PROGRAMME).orElseThrow().rewardsIssued()).isZero();
  }

  @Test
  void refund_afterTheReviewPeriod_changesNothing() {
    f.define(aProgramme().withTrigger(Trigger.firstPurchase(Money.fen(100_00))));
    f.referNewcomer(ALICE, CAROL);
    f.referrals.purchase(purchase("o-1", 200_00));
    f.clock.advance(Duration.ofDays(8));
    f.referrals.settle();

    List<ReferralOutcome> refunded = f.referrals.refund(new Refund(CAROL, "o-1", f.clock.instant()));

    assertThat(refunded).singleElement().isInstanceOf(ReferralOutcome.NotQualified.class);
    assertThat(f.store.rewardsOf(PROGRAMME)).singleElement()
        .extracting(Reward::state).isEqualTo(RewardState.ISSUED);
  }

  @Test
  void purchase_paidWithTheReferrersAccount_isRefusedAsSelfReferral() {
    Identifier card = hashed(IdentifierType.PAYMENT_ACCOUNT, "pay-alice");
    f.directory.add(ALICE, ReferralFixtures.START, card);
    f.define(aProgramme().withTrigger(Trigger.firstPurchase(Money.fen(100_00))));
    f.referNewcomer(ALICE, CAROL);

    List<ReferralOutcome> outcome = f.referrals.purchase(
        new Purchase(CAROL, "o-1", Money.fen(200_00), Set.of(card), f.clock.instant()));

    assertThat(outcome).singleElement().isInstanceOfSatisfying(ReferralOutcome.Refused.class, r -> {
      assertThat(r.flags()).extracting(FraudFlag::signal).containsExactly(FraudSignal.SELF_REFERRAL);
      assertThat(r.flags().get(0).detail()).contains("PAYMENT_ACCOUNT");
      assertThat(r.reward().state()).isEqualTo(RewardState.DENIED);
    });
    f.clock.advance(Duration.ofDays(30));
    f.referrals.settle();
    assertThat(f.issuer.issued()).isEmpty();
  }

  @Test
  void purchase_byNobodysReferee_isNothingToDo() {
    f.define(aProgramme().withTrigger(Trigger.firstPurchase(Money.fen(100_00))));

    assertThat(f.referrals.purchase(new Purchase(ALICE, "o-9", Money.fen(500_00), Set.of(), f.clock.instant())))
        .isEmpty();
  }

  private Purchase purchase(String order, long fen) {
    return new Purchase(CAROL, order, Money.fen(fen), Set.of(), f.clock.instant());
  }
}
