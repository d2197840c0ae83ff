package io.github.scrm.coupons.campaign;

import static io.github.scrm.coupons.testing.Fixtures.aThresholdCoupon;
import static io.github.scrm.coupons.testing.Fixtures.alice;
import static io.github.scrm.coupons.testing.Fixtures.campaign;
import static io.github.scrm.coupons.testing.Fixtures.customer;
import static io.github.scrm.coupons.testing.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.money.Money;
import io.github.scrm.core.money.Percent;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.coupons.CouponMaxLengths;
import io.github.scrm.coupons.Coupons;
import io.github.scrm.coupons.guardrail.DryRun;
import io.github.scrm.coupons.guardrail.Guardrails;
import io.github.scrm.coupons.guardrail.SpeedLimit;
import io.github.scrm.coupons.guardrail.Violation;
import io.github.scrm.coupons.issuance.IssueRefusal;
import io.github.scrm.coupons.issuance.IssueResult;
import io.github.scrm.coupons.ledger.CampaignReport;
import io.github.scrm.coupons.ledger.LedgerEntry;
import io.github.scrm.coupons.ledger.LedgerEvent;
import io.github.scrm.coupons.redemption.RedeemResult;
import io.github.scrm.coupons.redemption.Refused;
import io.github.scrm.coupons.redemption.Rejection;
import io.github.scrm.coupons.template.Benefit;
import io.github.scrm.coupons.testing.Fixtures;
import io.github.scrm.coupons.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class CampaignsTest {
  private final MutableClock clock = Fixtures.clock();
  private Coupons coupons = Coupons.builder().time(BusinessTime.of(clock)).idSource(IdSource.sequential("g", 3))
      .build();

  private static Campaign flood() {
    return campaign("flood", Fixtures.aNoThresholdCoupon(100_00), 1_000_000);
  }

  /**
   * A fresh engine with campaign {@code id} (50 off 300) that gave Alice its birthday coupon, and a claimed one as well
   * when {@code claimed}.
   */
  private Campaign birthdayCampaign(String id, boolean claimed) {
    coupons = Fixtures.engine(io.github.scrm.coupons.spi.CouponStores.inMemory(), clock);
    Campaign c = campaign(id, aThresholdCoupon(300_00, 50_00), 10, 5);
    coupons.campaigns().create(c);
    if (claimed) {
      coupons.issuance().claim(c.id(), alice(), "a");
    }
    coupons.issuance().birthday(c.id(), alice(), 2026);
    return c;
  }

  @Test
  void dryRun_ofANoThresholdFlood_showsCountLiabilityShareAndEveryViolation() {
    DryRun dry = coupons.campaigns().dryRun(flood());
    assertThat(dry.count()).isEqualTo(1_000_000);
    assertThat(dry.worstCaseLiability()).contains(Money.fen(100_000_000_00L));
    assertThat(dry.noThresholdShare()).isEqualTo(Percent.of(100));
    assertThat(dry.violations()).extracting(Violation::rule)
        .containsExactlyInAnyOrder("maxNoThresholdValue", "maxQuantity", "maxLiability");
    assertThat(dry.allowed()).isFalse();
  }

  @Test
  void dryRun_uncappedPercentage_isUnboundedAndRefused() {
    Campaign c = campaign("pct", Fixtures.template("pct", new Benefit.Percentage(Percent.of(50), Optional.empty(),
        Optional.empty())), 100);
    DryRun dry = coupons.campaigns().dryRun(c);
    assertThat(dry.unbounded()).isTrue();
    assertThat(dry.refused()).isTrue();
    assertThat(coupons.campaigns().create(c)).isInstanceOf(CreateResult.Refused.class);
    assertThat(coupons.store().campaign(c.id())).isEmpty();
  }

  /** 每满100减50 without a cap (封顶), stock 1,000, a liability budget of ¥1,000. */
  private static Campaign uncappedRepeatingWithABudget() {
    return ImmutableCampaign.copyOf(campaign("every", Fixtures.template("every", new Benefit.Repeating(
        Money.fen(100_00), Money.fen(50_00), Optional.empty())), 1_000)).withMaxLiability(Money.fen(1_000_00));
  }

  @Test
  void dryRun_uncappedRepeating_isUnboundedWhateverTheBudget_andRefusedByDefault() {
    Campaign c = uncappedRepeatingWithABudget();
    DryRun dry = coupons.campaigns().dryRun(c);
    assertThat(dry.unbounded()).isTrue();
    assertThat(dry.faceValue()).isEmpty();
    assertThat(dry.violations()).extracting(Violation::rule).contains("uncappedRepeating", "maxLiability");
    assertThat(dry.violations()).filteredOn(v -> v.rule().equals("maxLiability")).singleElement()
        .satisfies(v -> assertThat(v.message()).contains("unbounded").contains("cannot bound"));
    assertThat(coupons.campaigns().create(c)).isInstanceOf(CreateResult.Refused.class);
  }

  @Test
  void create_uncappedRepeatingWhenAllowed_stillNeedsASecondOperator() {
    coupons = Coupons.builder().time(BusinessTime.of(clock)).idSource(IdSource.sequential("g", 3))
        .guardrails(Guardrails.builder().allowUncappedRepeating(true).build()).build();
    Campaign c = uncappedRepeatingWithABudget();
    assertThat(coupons.campaigns().create(c)).isInstanceOf(CreateResult.PendingApproval.class);
    assertThat(coupons.campaigns().dryRun(c).violations()).extracting(Violation::rule).containsExactly("maxLiability");
  }

  @Test
  void dryRun_ofAPlan_givesTheNoThresholdShare() {
    DryRun dry = coupons.campaigns().dryRun(List.of(
        campaign("a", Fixtures.aNoThresholdCoupon(10_00), 100),
        campaign("b", aThresholdCoupon(300_00, 30_00), 100)));
    assertThat(dry.worstCaseLiability()).contains(Money.fen(4_000_00));
    assertThat(dry.noThresholdShare()).isEqualTo(Percent.of(25));
  }

  @Test
  void dryRun_withHistory_estimatesFromPastRedemptionRates() {
    Campaign past = campaign("past", aThresholdCoupon(300_00, 50_00), 100, 10);
    coupons.campaigns().create(past);
    for (int i = 0; i < 4; i++) {
      coupons.issuance().claim(past.id(), alice(), "k" + i);
    }
    var code = coupons.store().wallet(alice()).get(0).code().value();
    coupons.redemption().redeem(order("o1", alice(), 400_00), List.of(code), "r");
    DryRun dry = coupons.campaigns().dryRun(campaign("next", aThresholdCoupon(300_00, 40_00), 1_000));
    assertThat(dry.historicalRedemptionRate()).contains(Percent.of(25));
    assertThat(dry.estimatedCost()).contains(Money.fen(10_000_00));
  }

  @Test
  void aboveTheCaps_aSecondDifferentOperatorMustApprove_andTheApprovalIsRecorded() {
    CreateResult created = coupons.campaigns().create(flood());
    assertThat(created).isInstanceOf(CreateResult.PendingApproval.class);
    assertThat(((IssueResult.NotIssued) coupons.issuance().claim(flood().id(), alice(), "k")).reason())
        .isEqualTo(IssueRefusal.CAMPAIGN_NOT_ACTIVE);
    assertThat(coupons.campaigns().approve(flood().id(), "op-alice")).isInstanceOf(CreateResult.Refused.class);
    clock.advance(Duration.ofMinutes(3));
    assertThat(coupons.campaigns().approve(flood().id(), "op-bob")).isInstanceOf(CreateResult.Active.class);
    LedgerEntry approval = coupons.campaigns().ledger(flood().id()).stream()
        .filter(e -> e.event() == LedgerEvent.APPROVED).findFirst().orElseThrow();
    assertThat(approval.actor().id()).isEqualTo("op-bob");
    assertThat(approval.at()).isEqualTo(clock.instant());
    assertThat(coupons.issuance().claim(flood().id(), alice(), "k2").issued()).isTrue();
  }

  @Test
  void guardrails_valueAboveEightyPercentOfThreshold_needsApproval() {
    assertThat(Guardrails.defaults().check(campaign("x", aThresholdCoupon(100_00, 90_00), 10),
        BusinessTime.SHANGHAI)).extracting(Violation::rule).containsExactly("maxValueToThreshold");
  }

  @Test
  void freeze_makesUnredeemedCouponsUnusable_resumeRestores_andEveryChangeIsAudited() {
    coupons = Fixtures.engine(io.github.scrm.coupons.spi.CouponStores.inMemory(), clock);
    Campaign c = campaign("f", aThresholdCoupon(300_00, 50_00), 10, 5);
    coupons.campaigns().create(c);
    coupons.issuance().claim(c.id(), alice(), "a");
    coupons.issuance().claim(c.id(), customer("bob"), "b");
    String code = coupons.store().wallet(alice()).get(0).code().value();
    ControlResult frozen = coupons.campaigns().freeze(c.id(), "op-alice", "wrong face value");
    assertThat(frozen).isEqualTo(new ControlResult(true, 2));
    RedeemResult r = coupons.redemption().redeem(order("o1", alice(), 400_00), List.of(code), "r");
    assertThat(((Refused) r).reason()).isEqualTo(Rejection.FROZEN);
    assertThat(coupons.campaigns().ledger(c.id())).filteredOn(e -> e.event() == LedgerEvent.FROZEN).hasSize(3)
        .allSatisfy(e -> assertThat(e.actor().id()).isEqualTo("op-alice"));
    coupons.campaigns().resume(c.id(), "op-alice", "fixed");
    assertThat(coupons.redemption().redeem(order("o2", alice(), 400_00), List.of(code), "r2"))
        .isInstanceOf(RedeemResult.Redeemed.class);
    assertThat(coupons.campaigns().revoke(c.id(), "op-bob", "campaign cancelled").couponsAffected()).isEqualTo(1);
    assertThat(coupons.campaigns().reconcile(c.id()).consistent()).isTrue();
  }

  @Test
  void freezeResumeAndRevoke_ledgerKeysAndEntries_neverShowACode() {
    Campaign c = birthdayCampaign("f", true);
    coupons.campaigns().freezeBatch(c.id(), "birthday", "op", "slip");
    coupons.campaigns().freeze(c.id(), "op", "check");
    coupons.campaigns().resume(c.id(), "op", "checked");
    coupons.campaigns().revoke(c.id(), "op", "cancelled");
    List<String> codes = coupons.store().wallet(alice()).stream().map(x -> x.code().value()).toList();
    List<io.github.scrm.coupons.ledger.LedgerEntry> recoded = coupons.campaigns().ledger(c.id()).stream()
        .filter(e -> !e.code().isEmpty() && e.event() != LedgerEvent.CLAIMED && e.event() != LedgerEvent.ISSUED)
        .toList();
    assertThat(recoded).hasSize(5).allSatisfy(e -> codes.forEach(code -> {
      assertThat(e.idempotencyKey()).doesNotContain(code);
      assertThat(e.toString()).doesNotContain(code);
    }));
    // keys stay one per coupon and version
    assertThat(recoded).extracting(io.github.scrm.coupons.ledger.LedgerEntry::idempotencyKey).doesNotHaveDuplicates();
  }

  @Test
  void freezeBatch_touchesOnlyThatBatch() {
    Campaign c = birthdayCampaign("f", true);
    assertThat(coupons.campaigns().freezeBatch(c.id(), "birthday", "op", "slip").couponsAffected()).isEqualTo(1);
    assertThat(coupons.store().wallet(alice())).extracting(Coupon::status)
        .containsExactlyInAnyOrder(CouponStatus.AVAILABLE, CouponStatus.FROZEN);
  }

  @Test
  void resume_ofAFrozenCampaign_leavesABatchFrozenByItself_frozen() {
    Campaign c = birthdayCampaign("f", true);
    coupons.campaigns().freezeBatch(c.id(), "birthday", "op", "slip");
    coupons.campaigns().freeze(c.id(), "op", "check the campaign");
    assertThat(coupons.campaigns().resume(c.id(), "op", "checked").couponsAffected()).isEqualTo(1);
    assertThat(coupons.store().wallet(alice())).extracting(Coupon::batch, Coupon::status)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("claim", CouponStatus.AVAILABLE),
            org.assertj.core.groups.Tuple.tuple("birthday", CouponStatus.FROZEN));
    assertThat(coupons.campaigns().resumeBatch(c.id(), "birthday", "op", "slip undone").couponsAffected())
        .isEqualTo(1);
    assertThat(coupons.store().wallet(alice())).extracting(Coupon::status).containsOnly(CouponStatus.AVAILABLE);
  }

  @Test
  void resume_afterTheCircuitBreakerPaused_leavesAFrozenBatchFrozen() {
    Campaign c = birthdayCampaign("p", false);
    coupons.campaigns().freezeBatch(c.id(), "birthday", "op", "slip");
    coupons.store().changeStatus(c.id(), CampaignStatus.ACTIVE, CampaignStatus.PAUSED, new LedgerEntry(c.id(), "",
        LedgerEvent.PAUSED, "pause", io.github.scrm.coupons.ledger.Actor.system("circuit-breaker"), clock.instant(),
        0, ""));
    coupons.campaigns().resume(c.id(), "op", "speed is normal again");
    assertThat(coupons.store().wallet(alice())).extracting(Coupon::status).containsExactly(CouponStatus.FROZEN);
  }

  @Test
  void freezeBatch_ofCouponsTheCampaignFroze_keepsThemFrozenAfterTheCampaignResumes() {
    Campaign c = birthdayCampaign("fb", false);
    coupons.campaigns().freeze(c.id(), "op", "check");
    assertThat(coupons.campaigns().freezeBatch(c.id(), "birthday", "op", "slip").couponsAffected()).isEqualTo(1);
    coupons.campaigns().resume(c.id(), "op", "checked");
    assertThat(coupons.store().wallet(alice())).extracting(Coupon::status).containsExactly(CouponStatus.FROZEN);
  }

  @Test
  void controls_withAReasonOverItsLimit_areRefusedNamingTheReason_andChangeNothing() {
    Campaign c = birthdayCampaign("r", true);
    List<LedgerEntry> before = coupons.campaigns().ledger(c.id());
    String tooLong = "r".repeat(CouponMaxLengths.REASON + 1);
    List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> controls = List.of(
        () -> coupons.campaigns().freeze(c.id(), "op", tooLong),
        () -> coupons.campaigns().resume(c.id(), "op", tooLong),
        () -> coupons.campaigns().revoke(c.id(), "op", tooLong),
        () -> coupons.campaigns().freezeBatch(c.id(), "birthday", "op", tooLong),
        () -> coupons.campaigns().resumeBatch(c.id(), "birthday", "op", tooLong),
        () -> coupons.campaigns().revokeBatch(c.id(), "birthday", "op", tooLong));

    assertThat(controls).allSatisfy(control -> assertThatThrownBy(control)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reason: must have at most 300 characters, but had 301"));
    assertThat(coupons.campaigns().status(c.id())).contains(CampaignStatus.ACTIVE);
    assertThat(coupons.store().wallet(alice())).extracting(Coupon::status).containsOnly(CouponStatus.AVAILABLE);
    assertThat(coupons.campaigns().ledger(c.id())).isEqualTo(before);
  }

  @Test
  void freeze_withAReasonAtItsLimit_keepsItInTheLedger() {
    Campaign c = birthdayCampaign("r", false);
    String longest = "r".repeat(CouponMaxLengths.REASON);

    assertThat(coupons.campaigns().freeze(c.id(), "op", longest)).isEqualTo(new ControlResult(true, 1));
    assertThat(coupons.campaigns().ledger(c.id())).filteredOn(e -> e.event() == LedgerEvent.FROZEN).hasSize(2)
        .allSatisfy(e -> assertThat(e.reference()).isEqualTo(longest));
  }

  @Test
  void circuitBreaker_pausesACampaignRedeemedFasterThanTheLimit() {
    coupons = Coupons.builder().time(BusinessTime.of(clock)).idSource(IdSource.sequential("b", 3))
        .guardrails(Guardrails.builder().speedLimit(Optional.of(new SpeedLimit(2, Duration.ofMinutes(1)))).build())
        .build();
    Campaign c = campaign("hot", aThresholdCoupon(300_00, 50_00), 10, 5);
    coupons.campaigns().create(c);
    for (int i = 0; i < 4; i++) {
      coupons.issuance().claim(c.id(), alice(), "k" + i);
    }
    List<Coupon> wallet = coupons.store().wallet(alice());
    for (int i = 0; i < 3; i++) {
      coupons.redemption().redeem(order("o" + i, alice(), 400_00), List.of(wallet.get(i).code().value()), "r" + i);
    }
    assertThat(coupons.store().status(c.id())).contains(CampaignStatus.PAUSED);
    RedeemResult blocked = coupons.redemption().redeem(order("o9", alice(), 400_00),
        List.of(wallet.get(3).code().value()), "r9");
    assertThat(((Refused) blocked).reason()).isEqualTo(Rejection.FROZEN);
    assertThat(coupons.campaigns().ledger(c.id())).anyMatch(e -> e.event() == LedgerEvent.PAUSED
        && e.actor().id().equals("circuit-breaker"));
  }

  @Test
  void report_countsIssuedClaimedRedeemedDiscountGmvAndBudget() {
    coupons = Fixtures.engine(io.github.scrm.coupons.spi.CouponStores.inMemory(), clock);
    Campaign c = ImmutableCampaign.copyOf(campaign("r", aThresholdCoupon(300_00, 50_00), 10, 5))
        .withMaxDiscountGranted(Money.fen(1_000_00)).withMaxLiability(Money.fen(500_00));
    coupons.campaigns().create(c);
    coupons.issuance().claim(c.id(), alice(), "a");
    coupons.issuance().birthday(c.id(), customer("bob"), 2026);
    String code = coupons.store().wallet(alice()).get(0).code().value();
    coupons.redemption().redeem(order("o1", alice(), 400_00), List.of(code), "r");
    coupons.redemption().refund("o1", Map.of("L0", 1L), "refund");
    CampaignReport report = coupons.campaigns().report(c.id());
    assertThat(report.issued()).isEqualTo(1);
    assertThat(report.claimed()).isEqualTo(1);
    assertThat(report.redeemed()).isZero();
    assertThat(report.discountGranted()).isEqualTo(Money.fen(0));
    assertThat(report.remainingLiabilityBudget()).contains(Money.fen(400_00));
    assertThat(report.remainingDiscountBudget()).contains(Money.fen(1_000_00));
    assertThat(coupons.campaigns().reconcile(c.id()).problems()).isEmpty();
  }

  @Test
  void report_afterARedemption_hasRateDiscountAndGmv() {
    coupons = Fixtures.engine(io.github.scrm.coupons.spi.CouponStores.inMemory(), clock);
    Campaign c = campaign("r", aThresholdCoupon(300_00, 50_00), 10, 5);
    coupons.campaigns().create(c);
    coupons.issuance().claim(c.id(), alice(), "a");
    coupons.issuance().claim(c.id(), alice(), "b");
    String code = coupons.store().wallet(alice()).get(0).code().value();
    coupons.redemption().redeem(order("o1", alice(), 400_00), List.of(code), "r");
    CampaignReport report = coupons.campaigns().report(c.id());
    assertThat(report.redemptionRate()).isEqualTo(Percent.of(50));
    assertThat(report.discountGranted()).isEqualTo(Money.fen(50_00));
    assertThat(report.gmv()).isEqualTo(Money.fen(400_00));
  }

  @Test
  void reconcile_refundsThatGiveBackMoreThanTheDiscount_areAProblem() {
    coupons = Fixtures.engine(io.github.scrm.coupons.spi.CouponStores.inMemory(), clock);
    Campaign c = campaign("over", aThresholdCoupon(300_00, 50_00), 10, 5);
    coupons.campaigns().create(c);
    coupons.issuance().claim(c.id(), alice(), "a");
    String code = coupons.store().wallet(alice()).get(0).code().value();
    coupons.redemption().redeem(order("o1", alice(), 200_00, 200_00), List.of(code), "r");
    var reservation = coupons.store().reservation("r").orElseThrow();
    // a store (or an engine) that returns 40.00 and claws back 30.00 of a 50.00 discount
    var record = new io.github.scrm.coupons.spi.RefundRecord("bad", Map.of("L0", 1L), Map.of(code, 40_00L),
        Map.of(code, 30_00L), List.of(), clock.instant());
    coupons.store().applyRefund("r", reservation.version(), record, List.of(), List.of());

    assertThat(coupons.campaigns().reconcile(c.id()).problems()).anySatisfy(p -> assertThat(p)
        .contains("committed discount must not be negative").contains("-20.00"))
        .anySatisfy(p -> assertThat(p).contains("returned and clawed back must be at most its discount 50.00")
            .contains("70.00"));
  }

  @Test
  void expireDue_recordsEachExpiryOnce() {
    coupons = Fixtures.engine(io.github.scrm.coupons.spi.CouponStores.inMemory(), clock);
    Campaign c = campaign("e", aThresholdCoupon(300_00, 50_00), 10, 5);
    coupons.campaigns().create(c);
    coupons.issuance().claim(c.id(), alice(), "a");
    assertThat(coupons.campaigns().expireDue(c.id()).couponsAffected()).isZero();
    clock.advance(Duration.ofDays(31));
    assertThat(coupons.campaigns().expireDue(c.id()).couponsAffected()).isEqualTo(1);
    assertThat(coupons.campaigns().expireDue(c.id()).couponsAffected()).isZero();
    assertThat(coupons.campaigns().ledger(c.id())).filteredOn(e -> e.event() == LedgerEvent.EXPIRED).hasSize(1)
        .allSatisfy(e -> assertThat(e.actor().kind()).isEqualTo(io.github.scrm.coupons.ledger.Actor.Kind.SYSTEM));
  }

  @Test
  void build_withoutTime_namesTheFix() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Coupons.builder().idSource(IdSource.secure()).build())
        .hasMessageContaining("time is required: pass BusinessTime.of(");
  }
}
