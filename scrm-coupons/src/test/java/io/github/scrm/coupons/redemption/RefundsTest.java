package io.github.scrm.coupons.redemption;

import static io.github.scrm.coupons.testing.Fixtures.aThresholdCoupon;
import static io.github.scrm.coupons.testing.Fixtures.alice;
import static io.github.scrm.coupons.testing.Fixtures.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.coupons.Coupons;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.issuance.IssueResult;
import io.github.scrm.coupons.order.Order;
import io.github.scrm.coupons.order.OrderLine;
import io.github.scrm.coupons.spi.CouponStores;
import io.github.scrm.coupons.template.Benefit;
import io.github.scrm.coupons.template.CouponTemplate;
import io.github.scrm.coupons.testing.Fixtures;
import io.github.scrm.coupons.testing.MutableClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Refund arithmetic across several refunds of one order (the single-refund cases are in {@code RedemptionTest}). */
final class RefundsTest {
  private final MutableClock clock = Fixtures.clock();
  private final Coupons coupons = Fixtures.engine(CouponStores.inMemory(), clock);
  private int keys;

  private String give(CouponTemplate template, CustomerId who) {
    CampaignId id = CampaignId.of("c-" + template.id());
    if (coupons.store().campaign(id).isEmpty()) {
      coupons.campaigns().create(campaign(id.value(), template, 1_000, 100));
    }
    return ((IssueResult.Issued) coupons.issuance().claim(id, who, "k" + keys++)).coupon().code().value();
  }

  /** Line A 2 × 100.00 and line B 150.00: 满300减50 allocates A 28.57 and B 21.43. */
  private static Order twoLines() {
    return Order.of("o1", alice(), "store-1", "app", List.of(
        OrderLine.of("A", "s1", "food", "acme", Money.fen(100_00), 2),
        OrderLine.of("B", "s2", "food", "acme", Money.fen(150_00), 1)));
  }

  private RefundResult.Refunded refund(Map<String, Long> lines, String key) {
    return (RefundResult.Refunded) coupons.redemption().refund("o1", lines, key);
  }

  @Test
  void refund_restAfterAClawback_paysBackExactlyWhatWasPaid_andReturnsNoDiscountTwice() {
    CouponTemplate mj = aThresholdCoupon(300_00, 50_00);
    String code = give(mj, alice());
    coupons.redemption().redeem(twoLines(), List.of(code), "pay");
    CampaignId id = CampaignId.of("c-" + mj.id());

    RefundResult.Refunded b = refund(Map.of("B", 1L), "rf-b");
    RefundResult.Refunded a = refund(Map.of("A", 2L), "rf-a");

    // B: 150.00 − 21.43 returned − 28.57 clawed back; A: its 28.57 was clawed back already, so 200.00 comes back
    assertThat(b.refundAmount()).isEqualTo(Money.fen(100_00));
    assertThat(a.discountReturned()).isEqualTo(Money.fen(0));
    assertThat(a.refundAmount()).isEqualTo(Money.fen(200_00));
    assertThat(b.refundAmount().minorUnits() + a.refundAmount().minorUnits()).isEqualTo(300_00);
    assertThat(coupons.store().counters(id).committedDiscountFen()).isZero();
    assertThat(coupons.campaigns().report(id).discountGranted()).isEqualTo(Money.fen(0));
    assertThat(coupons.campaigns().reconcile(id).consistent()).isTrue();
  }

  @Test
  void refund_clawbackAboveWhatTheRefundPays_takesOnlyThat_andTheRestComesOffTheKeptLinesLater() {
    CouponTemplate mj = aThresholdCoupon(300_00, 50_00);
    String code = give(mj, alice());
    coupons.redemption().redeem(Order.of("o1", alice(), "store-1", "app", List.of(
        OrderLine.of("A", "s1", "food", "acme", Money.fen(290_00), 1),
        OrderLine.of("B", "s2", "food", "acme", Money.fen(10_00), 1))), List.of(code), "pay");
    CampaignId id = CampaignId.of("c-" + mj.id());

    // allocated A 48.33, B 1.67; paid 250.00. B pays out 10.00 − 1.67 = 8.33, so at most 8.33 of the 48.33 the kept
    // 290.00 no longer earns can be clawed back now; refunding A then returns the 40.00 left of the discount
    RefundResult.Refunded b = refund(Map.of("B", 1L), "rf-b");
    RefundResult.Refunded a = refund(Map.of("A", 1L), "rf-a");

    assertThat(b.discountReturned()).isEqualTo(Money.fen(1_67));
    assertThat(b.clawback()).isEqualTo(Money.fen(8_33));
    assertThat(b.refundAmount()).isEqualTo(Money.fen(0));
    assertThat(a.discountReturned()).isEqualTo(Money.fen(40_00));
    assertThat(a.refundAmount()).isEqualTo(Money.fen(250_00));
    assertThat(b.refundAmount().minorUnits() + a.refundAmount().minorUnits()).isEqualTo(250_00);
    assertThat(coupons.store().counters(id).committedDiscountFen()).isZero();
    assertThat(coupons.campaigns().report(id).discountGranted()).isEqualTo(Money.fen(0));
    assertThat(coupons.campaigns().reconcile(id).consistent()).isTrue();
  }

  @Test
  void refund_reservationAndItsRefunds_neverPrintACode() {
    String code = give(aThresholdCoupon(300_00, 50_00), alice());
    coupons.redemption().redeem(twoLines(), List.of(code), "pay");
    refund(Map.of("B", 1L), "rf-b");
    refund(Map.of("A", 2L), "rf-a");
    var r = coupons.store().reservationForOrder("o1").orElseThrow();
    assertThat(r.refunds()).hasSize(2);
    assertThat(r.toString()).doesNotContain(code).contains(new io.github.scrm.coupons.code.CouponCode(code).masked());
  }

  @Test
  void refund_keptLinesUnitByUnitAfterAClawback_returnNothingMore() {
    String code = give(aThresholdCoupon(300_00, 50_00), alice());
    coupons.redemption().redeem(twoLines(), List.of(code), "pay");
    long paidBack = refund(Map.of("B", 1L), "rf-b").refundAmount().minorUnits();
    paidBack += refund(Map.of("A", 1L), "rf-a1").refundAmount().minorUnits();
    RefundResult.Refunded last = refund(Map.of("A", 1L), "rf-a2");
    paidBack += last.refundAmount().minorUnits();
    assertThat(paidBack).isEqualTo(300_00);
    assertThat(last.fullyRefunded()).isTrue();
  }

  @Test
  void refund_repeatOfAPartialRefundAfterTheOrderWasCompleted_returnsExactlyTheFirstResult() {
    String code = give(Fixtures.template("ship", new Benefit.FreeShipping(java.util.Optional.empty(),
        java.util.Optional.of(Money.fen(20_00)))), alice());
    coupons.redemption().redeem(Fixtures.order("o1", alice(), 50_00, 100_00).withShipping(Money.fen(12_00)),
        List.of(code), "pay");
    RefundResult.Refunded first = refund(Map.of("L0", 1L), "rf-1");
    RefundResult.Refunded rest = refund(Map.of("L1", 1L), "rf-2");

    RefundResult.Refunded again = refund(Map.of("L0", 1L), "rf-1");

    assertThat(first.fullyRefunded()).isFalse();
    assertThat(first.refundAmount()).isEqualTo(Money.fen(50_00));
    assertThat(rest.fullyRefunded()).isTrue();
    assertThat(again).isEqualTo(first);
  }

  @Test
  void refund_keptLinesDropToALowerTier_clawsBackTheDifference() {
    String code = give(Fixtures.template("tiers", new Benefit.Tiered(List.of(Benefit.Tier.of(300_00, 30_00),
        Benefit.Tier.of(500_00, 60_00)))), alice());
    coupons.redemption().redeem(Fixtures.order("o1", alice(), 400_00, 100_00), List.of(code), "pay");
    // 60.00 off, allocated L0 48.00 and L1 12.00; the kept 400.00 only earns the 30.00 tier
    RefundResult.Refunded r = refund(Map.of("L1", 1L), "rf");
    assertThat(r.discountReturned()).isEqualTo(Money.fen(12_00));
    assertThat(r.clawback()).isEqualTo(Money.fen(18_00));
    assertThat(r.refundAmount()).isEqualTo(Money.fen(70_00));
  }

  @Test
  void refund_keptLinesLoseARepeatingStep_clawsBackThatStep() {
    String code = give(Fixtures.template("every", new Benefit.Repeating(Money.fen(100_00), Money.fen(10_00),
        java.util.Optional.of(Money.fen(100_00)))), alice());
    coupons.redemption().redeem(Fixtures.order("o1", alice(), 250_00, 250_00), List.of(code), "pay");
    // 50.00 off, 25.00 per line; the kept 250.00 earns two steps, 20.00
    RefundResult.Refunded r = refund(Map.of("L1", 1L), "rf");
    assertThat(r.discountReturned()).isEqualTo(Money.fen(25_00));
    assertThat(r.clawback()).isEqualTo(Money.fen(5_00));
  }

  private Coupons restoringWithNewExpiry(java.time.Duration validity) {
    return io.github.scrm.coupons.Coupons.builder().time(io.github.scrm.core.time.BusinessTime.of(clock))
        .idSource(io.github.scrm.core.spi.IdSource.sequential("n", 1)).guardrails(Fixtures.permissive())
        .policy(RedemptionPolicy.defaults().withRestore(RedemptionPolicy.Restore.WITH_NEW_EXPIRY, validity)).build();
  }

  private static io.github.scrm.coupons.campaign.Campaign endingOn(String end) {
    return io.github.scrm.coupons.campaign.ImmutableCampaign.copyOf(campaign("ending", aThresholdCoupon(300_00, 50_00),
        10)).withEnd(java.time.LocalDateTime.parse(end));
  }

  @Test
  void refund_restoreWithNewExpiry_neverReachesBeyondTheCampaignEnd() {
    Coupons engine = restoringWithNewExpiry(java.time.Duration.ofDays(7));
    var c = endingOn("2026-11-25T00:00");
    engine.campaigns().create(c);
    String code = ((IssueResult.Issued) engine.issuance().claim(c.id(), alice(), "k")).coupon().code().value();
    engine.redemption().redeem(Fixtures.order("o1", alice(), 400_00), List.of(code), "pay");
    RefundResult.Refunded r = (RefundResult.Refunded) engine.redemption().refundAll("o1", "rf");
    assertThat(r.restored()).hasSize(1);
    assertThat(engine.store().coupon(r.restored().get(0)).orElseThrow().validUntil())
        .isEqualTo(java.time.LocalDateTime.parse("2026-11-25T00:00")
            .atZone(io.github.scrm.core.time.BusinessTime.SHANGHAI).toInstant());
  }

  @Test
  void refund_restoreWithNewExpiry_afterTheCampaignEnded_restoresNothing_andSaysSo() {
    Coupons engine = restoringWithNewExpiry(java.time.Duration.ofDays(7));
    var c = endingOn("2026-11-25T00:00");
    engine.campaigns().create(c);
    String code = ((IssueResult.Issued) engine.issuance().claim(c.id(), alice(), "k")).coupon().code().value();
    engine.redemption().redeem(Fixtures.order("o1", alice(), 400_00), List.of(code), "pay");
    clock.advance(java.time.Duration.ofDays(5));
    RefundResult.Refunded r = (RefundResult.Refunded) engine.redemption().refundAll("o1", "rf");
    assertThat(r.restored()).isEmpty();
    assertThat(r.notRestored()).extracting(io.github.scrm.coupons.code.CouponCode::value).containsExactly(code);
    assertThat(engine.store().coupon(new io.github.scrm.coupons.code.CouponCode(code)).orElseThrow().status())
        .isEqualTo(io.github.scrm.coupons.campaign.CouponStatus.REDEEMED);
    RefundResult.Refunded again = (RefundResult.Refunded) engine.redemption().refundAll("o1", "rf");
    assertThat(again.notRestored()).isEqualTo(r.notRestored());
  }

  @Test
  void refundAll_afterTheCampaignWasRevoked_restoresNothing_andSaysSo() {
    CouponTemplate t = aThresholdCoupon(300_00, 50_00);
    String code = give(t, alice());
    coupons.redemption().redeem(twoLines(), List.of(code), "r1");
    coupons.campaigns().revoke(CampaignId.of("c-" + t.id()), "op-bob", "issued by mistake");
    RefundResult.Refunded r = (RefundResult.Refunded) coupons.redemption().refundAll("o1", "f1");
    assertThat(r.restored()).isEmpty();
    assertThat(r.notRestored()).extracting(io.github.scrm.coupons.code.CouponCode::value).containsExactly(code);
    assertThat(coupons.store().coupon(new io.github.scrm.coupons.code.CouponCode(code)).orElseThrow().status())
        .isEqualTo(io.github.scrm.coupons.campaign.CouponStatus.REDEEMED);
    assertThat(r.refundAmount()).isEqualTo(Money.fen(300_00));
    assertThat(coupons.campaigns().reconcile(CampaignId.of("c-" + t.id())).problems()).isEmpty();
  }
}
