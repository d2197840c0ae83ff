package io.github.scrm.coupons.redemption;

import static io.github.scrm.coupons.testing.Fixtures.aNoThresholdCoupon;
import static io.github.scrm.coupons.testing.Fixtures.aThresholdCoupon;
import static io.github.scrm.coupons.testing.Fixtures.alice;
import static io.github.scrm.coupons.testing.Fixtures.bob;
import static io.github.scrm.coupons.testing.Fixtures.campaign;
import static io.github.scrm.coupons.testing.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.coupons.Coupons;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.guardrail.Guardrails;
import io.github.scrm.coupons.issuance.IssueResult;
import io.github.scrm.coupons.order.Order;
import io.github.scrm.coupons.order.OrderLine;
import io.github.scrm.coupons.spi.CouponStores;
import io.github.scrm.coupons.template.Benefit;
import io.github.scrm.coupons.template.CouponTemplate;
import io.github.scrm.coupons.template.Scope;
import io.github.scrm.coupons.template.ScopeKind;
import io.github.scrm.coupons.template.ScopeRule;
import io.github.scrm.coupons.template.Stacking;
import io.github.scrm.coupons.template.Validity;
import io.github.scrm.coupons.testing.Fixtures;
import io.github.scrm.coupons.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class RedemptionTest {
  private final MutableClock clock = Fixtures.clock();
  private Coupons coupons = Fixtures.engine(CouponStores.inMemory(), clock);
  private int keys;

  private String give(CouponTemplate template, CustomerId who) {
    CampaignId id = CampaignId.of("c-" + template.id());
    if (coupons.store().campaign(id).isEmpty()) {
      coupons.campaigns().create(campaign(id.value(), template, 1_000, 100));
    }
    return ((IssueResult.Issued) coupons.issuance().claim(id, who, "k" + keys++)).coupon().code().value();
  }

  private static CouponTemplate platform(String id, Benefit b) {
    return CouponTemplate.builder().id(id).name(id).benefit(b).validity(new Validity.DaysAfterIssue(30))
        .stacking(Stacking.platform(id)).build();
  }

  @Test
  void validate_belowThreshold_saysHowMuchIsMissing() {
    String code = give(aThresholdCoupon(300_00, 50_00), alice());
    Verdict v = coupons.redemption().validate(order("o1", alice(), 287_50), List.of(code)).verdicts().get(0);
    assertThat(v).isEqualTo(new Verdict.Unusable(code, Rejection.BELOW_THRESHOLD, Optional.of(Money.fen(12_50)),
        "差¥12.50"));
  }

  @Test
  void validate_verdictsAndRefusals_printTheCodeMasked() {
    String code = give(aThresholdCoupon(300_00, 50_00), alice());
    Verdict usable = coupons.redemption().validate(order("o1", alice(), 400_00), List.of(code)).verdicts().get(0);
    Verdict unusable = coupons.redemption().validate(order("o1", alice(), 100_00), List.of(code)).verdicts().get(0);
    var refused = new io.github.scrm.coupons.spi.ReserveOutcome.Refused(
        io.github.scrm.coupons.spi.ReserveOutcome.Reason.UNKNOWN_COUPON, code);
    assertThat(List.of(usable.toString(), unusable.toString(), refused.toString()))
        .allSatisfy(s -> assertThat(s).doesNotContain(code));
  }

  @Test
  void validate_wrongCodeAndAnotherCustomersCode_getTheSameAnswer() {
    String bobs = give(aThresholdCoupon(300_00, 50_00), bob());
    String wrong = bobs.substring(0, bobs.length() - 2) + "ZZ";
    Order o = order("o1", alice(), 400_00);
    Verdict.Unusable a = (Verdict.Unusable) coupons.redemption().validate(o, List.of(bobs)).verdicts().get(0);
    Verdict.Unusable b = (Verdict.Unusable) coupons.redemption().validate(o, List.of(wrong)).verdicts().get(0);
    assertThat(a.reason()).isEqualTo(Rejection.NOT_FOUND).isEqualTo(b.reason());
    assertThat(a.message()).isEqualTo(b.message());
    assertThat(a.missing()).isEqualTo(b.missing());
  }

  @Test
  void validate_atAnInstantBeforeTheWindow_isNotYetValid() {
    CouponTemplate later = CouponTemplate.builder().id("later").name("later").benefit(Benefit.noThreshold(5_00))
        .validity(io.github.scrm.coupons.template.Validity.Fixed.days(java.time.LocalDate.parse("2026-11-25"),
            java.time.LocalDate.parse("2026-11-30"))).build();
    String code = give(later, alice());
    Verdict.Unusable v = (Verdict.Unusable) coupons.redemption().validate(order("o1", alice(), 100_00),
        List.of(code)).verdicts().get(0);
    assertThat(v.reason()).isEqualTo(Rejection.NOT_YET_VALID);
    java.time.Instant friday = java.time.LocalDateTime.parse("2026-11-27T12:00").atZone(BusinessTime.SHANGHAI)
        .toInstant();
    assertThat(coupons.redemption().validate(order("o1", alice(), 100_00), List.of(code), friday).allUsable())
        .isTrue();
  }

  @Test
  void validate_usedCoupon_isRejectedAsUsed() {
    String code = give(aThresholdCoupon(300_00, 50_00), alice());
    coupons.redemption().redeem(order("o1", alice(), 400_00), List.of(code), "r1");
    Verdict.Unusable v = (Verdict.Unusable) coupons.redemption().validate(order("o2", alice(), 400_00),
        List.of(code)).verdicts().get(0);
    assertThat(v.reason()).isEqualTo(Rejection.USED);
  }

  @Test
  void validate_scopeWithExclusion_countsOnlyEligibleLines() {
    CouponTemplate food = CouponTemplate.builder().id("food").name("food 满100减10")
        .benefit(Benefit.threshold(100_00, 10_00)).validity(new Validity.DaysAfterIssue(3))
        .scope(Scope.of(ScopeRule.include(ScopeKind.CATEGORY, "food"), ScopeRule.exclude(ScopeKind.BRAND, "cheap")))
        .build();
    String code = give(food, alice());
    Order o = Order.of("o1", alice(), "store-1", "app", List.of(
        OrderLine.of("a", "s1", "food", "acme", Money.fen(60_00), 1),
        OrderLine.of("b", "s2", "food", "cheap", Money.fen(60_00), 1),
        OrderLine.of("c", "s3", "toys", "acme", Money.fen(60_00), 1)));
    Verdict.Unusable v = (Verdict.Unusable) coupons.redemption().validate(o, List.of(code)).verdicts().get(0);
    assertThat(v.missing()).contains(Money.fen(40_00));
  }

  @Test
  void validate_otherStore_isOutOfScope() {
    CouponTemplate t = CouponTemplate.builder().id("s2").name("store 2 only").benefit(Benefit.noThreshold(5_00))
        .validity(new Validity.DaysAfterIssue(3)).scope(Scope.of(ScopeRule.include(ScopeKind.STORE, "store-2")))
        .build();
    String code = give(t, alice());
    Verdict.Unusable v = (Verdict.Unusable) coupons.redemption().validate(order("o1", alice(), 100_00),
        List.of(code)).verdicts().get(0);
    assertThat(v.reason()).isEqualTo(Rejection.OUT_OF_SCOPE);
  }

  @Test
  void validate_twoCouponsOfOneGroup_theSecondIsAStackingConflict() {
    CouponTemplate a = CouponTemplate.builder().id("a").name("a").benefit(Benefit.threshold(100_00, 10_00))
        .validity(new Validity.DaysAfterIssue(3)).stacking(Stacking.shop("g")).build();
    CouponTemplate b = CouponTemplate.builder().id("b").name("b").benefit(Benefit.threshold(100_00, 20_00))
        .validity(new Validity.DaysAfterIssue(3)).stacking(Stacking.shop("g")).build();
    String ca = give(a, alice());
    String cb = give(b, alice());
    Validation v = coupons.redemption().validate(order("o1", alice(), 300_00), List.of(ca, cb));
    assertThat(v.verdicts().get(0)).isInstanceOf(Verdict.Usable.class);
    assertThat(((Verdict.Unusable) v.verdicts().get(1)).reason()).isEqualTo(Rejection.STACKING_CONFLICT);
    assertThat(v.quote().totalDiscount()).isEqualTo(Money.fen(10_00));
  }

  @Test
  void quote_shopCouponAppliesBeforePlatformCoupon_andThePlatformThresholdSeesTheRest() {
    String platformCode = give(platform("plat", Benefit.threshold(260_00, 30_00)), alice());
    String shopCode = give(aThresholdCoupon(300_00, 50_00), alice());
    Validation v = coupons.redemption().validate(order("o1", alice(), 300_00), List.of(platformCode, shopCode));
    // shop 50 off first leaves 250: below the platform threshold of 260, so the platform coupon gives nothing
    assertThat(v.quote().applied()).extracting(AppliedCoupon::level)
        .containsExactly(Stacking.Level.SHOP, Stacking.Level.PLATFORM);
    assertThat(v.quote().applied()).extracting(AppliedCoupon::discount)
        .containsExactly(Money.fen(50_00), Money.fen(0));
  }

  @Test
  void best_picksTheLargestCombination_andExplainsTheOthers() {
    String small = give(aThresholdCoupon(100_00, 10_00), alice());
    String big = give(aThresholdCoupon(300_00, 60_00), alice());
    String plat = give(platform("plat", Benefit.threshold(200_00, 20_00)), alice());
    String tooHigh = give(aThresholdCoupon(1_000_00, 100_00), alice());
    Quote q = coupons.redemption().best(order("o1", alice(), 320_00), List.of(small, big, plat, tooHigh));
    // 60 + 10 = 70 leaves 250 ≥ 200, so the platform coupon adds 20
    assertThat(q.totalDiscount()).isEqualTo(Money.fen(90_00));
    assertThat(q.payable()).isEqualTo(Money.fen(230_00));
    assertThat(q.explanation()).anyMatch(s -> s.contains("差¥680.00"));
    assertThat(q.explanation()).filteredOn(s -> s.contains(": used")).hasSize(3);
  }

  @Test
  void best_exclusiveCoupon_isUsedAloneWhenItGivesMore() {
    CouponTemplate excl = CouponTemplate.builder().id("ex").name("exclusive").benefit(Benefit.threshold(100_00, 80_00))
        .validity(new Validity.DaysAfterIssue(3)).stacking(Stacking.shop("ex").asExclusive()).build();
    String e = give(excl, alice());
    String a = give(aThresholdCoupon(100_00, 30_00), alice());
    String b = give(aThresholdCoupon(200_00, 40_00), alice());
    Quote q = coupons.redemption().best(order("o1", alice(), 300_00), List.of(e, a, b));
    assertThat(q.applied()).extracting(x -> x.code().value()).containsExactly(e);
    assertThat(q.explanation()).anyMatch(s -> s.contains("exclusive"));
  }

  @Test
  void allocation_splitsByLargestRemainder_tiesToTheFirstLine() {
    String code = give(aNoThresholdCoupon(50_00), alice());
    Validation v = coupons.redemption().validate(order("o1", alice(), 100_00, 100_00, 100_00), List.of(code));
    assertThat(v.quote().applied().get(0).allocation()).isEqualTo(Map.of(
        "L0", Money.fen(16_67), "L1", Money.fen(16_67), "L2", Money.fen(16_66)));
  }

  @Test
  void payableFloor_keepsTheOrderAboveIt() {
    coupons = io.github.scrm.coupons.Coupons.builder().time(BusinessTime.of(clock)).idSource(IdSource.sequential("f", 1))
        .guardrails(Guardrails.builder().speedLimit(Optional.empty()).build())
        .policy(RedemptionPolicy.defaults().withPayableFloor(Money.fen(1))).build();
    String code = give(aNoThresholdCoupon(20_00), alice());
    Quote q = coupons.redemption().validate(order("o1", alice(), 15_00), List.of(code)).quote();
    assertThat(q.totalDiscount()).isEqualTo(Money.fen(14_99));
    assertThat(q.payable()).isEqualTo(Money.fen(1));
  }

  @Test
  void freeShipping_discountsTheShippingFee() {
    String code = give(Fixtures.template("ship", new Benefit.FreeShipping(Optional.of(Money.fen(99_00)),
        Optional.of(Money.fen(10_00)))), alice());
    Quote q = coupons.redemption().validate(order("o1", alice(), 120_00).withShipping(Money.fen(8_00)),
        List.of(code)).quote();
    assertThat(q.applied().get(0).allocation()).isEqualTo(Map.of(Quote.SHIPPING, Money.fen(8_00)));
    assertThat(q.payable()).isEqualTo(Money.fen(120_00));
  }

  @Test
  void redeem_twiceWithTheSameKey_returnsTheFirstResult() {
    String code = give(aThresholdCoupon(300_00, 50_00), alice());
    RedeemResult first = coupons.redemption().redeem(order("o1", alice(), 400_00), List.of(code), "pay-1");
    RedeemResult again = coupons.redemption().redeem(order("o1", alice(), 400_00), List.of(code), "pay-1");
    assertThat(first).isInstanceOf(RedeemResult.Redeemed.class);
    assertThat(((RedeemResult.Redeemed) again).quote().totalDiscount()).isEqualTo(Money.fen(50_00));
  }

  @Test
  void redeem_secondReservationForAnOrderWithRedeemedCoupons_isRefused_soStackingRulesHold() {
    CouponTemplate a = CouponTemplate.builder().id("xa").name("xa").benefit(Benefit.threshold(100_00, 10_00))
        .validity(new Validity.DaysAfterIssue(3)).stacking(Stacking.shop("g").asExclusive()).build();
    CouponTemplate b = CouponTemplate.builder().id("xb").name("xb").benefit(Benefit.threshold(100_00, 20_00))
        .validity(new Validity.DaysAfterIssue(3)).stacking(Stacking.shop("g").asExclusive()).build();
    String k1 = give(a, alice());
    String k2 = give(b, alice());
    assertThat(coupons.redemption().redeem(order("o5", alice(), 300_00), List.of(k1), "p1"))
        .isInstanceOf(RedeemResult.Redeemed.class);
    RedeemResult second = coupons.redemption().redeem(order("o5", alice(), 300_00), List.of(k2), "p2");
    assertThat(second).isInstanceOf(Refused.class);
    assertThat(((Refused) second).reason()).isEqualTo(Rejection.ORDER_ALREADY_RESERVED);
    assertThat(coupons.redemption().validate(order("o6", alice(), 300_00), List.of(k2)).allUsable()).isTrue();
    RefundResult.Refunded refund = (RefundResult.Refunded) coupons.redemption().refundAll("o5", "rf");
    assertThat(refund.discountReturned()).isEqualTo(Money.fen(10_00));
  }

  @Test
  void reserve_secondWhileTheFirstIsActive_isRefused_butAfterItsReleaseWorks() {
    String k1 = give(aThresholdCoupon(100_00, 10_00), alice());
    String k2 = give(aNoThresholdCoupon(5_00), alice());
    coupons.redemption().reserve(order("o1", alice(), 300_00), List.of(k1), "r1");
    ReserveResult second = coupons.redemption().reserve(order("o1", alice(), 300_00), List.of(k2), "r2");
    assertThat(((Refused) second).reason()).isEqualTo(Rejection.ORDER_ALREADY_RESERVED);
    coupons.redemption().release("r1");
    assertThat(coupons.redemption().reserve(order("o1", alice(), 300_00), List.of(k1, k2), "r3"))
        .isInstanceOf(ReserveResult.Reserved.class);
  }

  @Test
  void reserve_zeroOrNegativeTtl_isAProgrammingError_andHoldsNothing() {
    String code = give(aThresholdCoupon(100_00, 10_00), alice());
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> coupons.redemption()
        .reserve(order("o1", alice(), 300_00), List.of(code), Duration.ZERO, "r1"))
        .withMessage("ttl must be positive, but was PT0S");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> coupons.redemption()
        .reserve(order("o1", alice(), 300_00), List.of(code), Duration.ofMinutes(-1), "r2"))
        .withMessage("ttl must be positive, but was PT-1M");
    assertThat(coupons.store().coupon(new io.github.scrm.coupons.code.CouponCode(code)).orElseThrow().status())
        .isEqualTo(io.github.scrm.coupons.campaign.CouponStatus.AVAILABLE);
    assertThat(coupons.store().reservationForOrder("o1")).isEmpty();
  }

  @Test
  void reserve_repeatedKeyForAnotherOrder_isAKeyConflict() {
    String k1 = give(aThresholdCoupon(100_00, 10_00), alice());
    String k2 = give(aNoThresholdCoupon(5_00), alice());
    coupons.redemption().reserve(order("o1", alice(), 300_00), List.of(k1), "key");
    ReserveResult other = coupons.redemption().reserve(order("o2", alice(), 300_00), List.of(k2), "key");
    assertThat(((Refused) other).reason()).isEqualTo(Rejection.IDEMPOTENCY_KEY_CONFLICT);
  }

  @Test
  void reserve_repeatedKeyOfAReleasedOrExpiredReservation_saysItEnded() {
    String k1 = give(aThresholdCoupon(100_00, 10_00), alice());
    coupons.redemption().reserve(order("o1", alice(), 300_00), List.of(k1), "released");
    coupons.redemption().release("released");
    ReserveResult again = coupons.redemption().reserve(order("o1", alice(), 300_00), List.of(k1), "released");
    assertThat(((Refused) again).reason()).isEqualTo(Rejection.RESERVATION_ENDED);

    coupons.redemption().reserve(order("o2", alice(), 300_00), List.of(k1), Duration.ofMinutes(1), "short");
    clock.advance(Duration.ofMinutes(1));
    ReserveResult late = coupons.redemption().reserve(order("o2", alice(), 300_00), List.of(k1), "short");
    assertThat(((Refused) late).reason()).isEqualTo(Rejection.RESERVATION_ENDED);
  }

  @Test
  void redeem_unknownCustomer_isAClearErrorAndChangesNothing() {
    coupons = io.github.scrm.coupons.Coupons.builder().time(BusinessTime.of(clock)).idSource(IdSource.sequential("u", 1))
        .knownCustomers(c -> c.equals(alice())).build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> coupons.redemption().redeem(order("o1", bob(), 400_00),
        List.of("X"), "k")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bob is unknown");
  }

  private Order twoLines() {
    return Order.of("o1", alice(), "store-1", "app", List.of(
        OrderLine.of("A", "s1", "food", "acme", Money.fen(100_00), 2),
        OrderLine.of("B", "s2", "food", "acme", Money.fen(150_00), 1)));
  }

  @Test
  void refund_partial_returnsTheLinesShare_andClawsBackBelowTheThreshold() {
    String code = give(aThresholdCoupon(300_00, 50_00), alice());
    coupons.redemption().redeem(twoLines(), List.of(code), "pay");
    // allocation of 50.00 over A 200.00 and B 150.00: A 28.57, B 21.42 + the spare fen (larger remainder) = 21.43
    RefundResult.Refunded r = (RefundResult.Refunded) coupons.redemption().refund("o1", Map.of("B", 1L), "rf1");
    assertThat(r.discountReturned()).isEqualTo(Money.fen(21_43));
    assertThat(r.clawback()).isEqualTo(Money.fen(28_57));
    assertThat(r.refundAmount()).isEqualTo(Money.fen(100_00));
    assertThat(r.restored()).isEmpty();
  }

  @Test
  void refund_partial_keptLineWithAZeroShare_stillCountsTowardsTheThreshold() {
    String code = give(aThresholdCoupon(300_00, 50_00), alice());
    coupons.redemption().redeem(Order.of("o1", alice(), "store-1", "app", List.of(
        OrderLine.of("A", "s1", "food", "acme", Money.fen(299_99), 1),
        OrderLine.of("B", "s2", "food", "acme", Money.fen(1), 1),
        OrderLine.of("C", "s3", "food", "acme", Money.fen(10_00), 1))), List.of(code), "pay");
    // allocated A 48.39, B 0.00, C 1.61; the kept A and B make 300.00, which still earns the 50.00
    RefundResult.Refunded r = (RefundResult.Refunded) coupons.redemption().refund("o1", Map.of("C", 1L), "rf1");
    assertThat(r.discountReturned()).isEqualTo(Money.fen(1_61));
    assertThat(r.clawback()).isEqualTo(Money.fen(0));
    assertThat(r.refundAmount()).isEqualTo(Money.fen(8_39));
  }

  @Test
  void refund_partialWithKeepPolicy_letsTheCustomerKeepTheDiscount() {
    coupons = io.github.scrm.coupons.Coupons.builder().time(BusinessTime.of(clock)).idSource(IdSource.sequential("k", 1))
        .policy(RedemptionPolicy.defaults().withBelowThreshold(RedemptionPolicy.BelowThreshold.KEEP)).build();
    String code = give(aThresholdCoupon(300_00, 50_00), alice());
    coupons.redemption().redeem(twoLines(), List.of(code), "pay");
    RefundResult.Refunded r = (RefundResult.Refunded) coupons.redemption().refund("o1", Map.of("B", 1L), "rf1");
    assertThat(r.clawback()).isEqualTo(Money.fen(0));
    assertThat(r.refundAmount()).isEqualTo(Money.fen(128_57));
  }

  @Test
  void refund_unitByUnit_returnsExactlyTheAllocationInTotal_andRestoresAtTheEnd() {
    coupons = io.github.scrm.coupons.Coupons.builder().time(BusinessTime.of(clock)).idSource(IdSource.sequential("u", 1))
        .policy(RedemptionPolicy.defaults().withBelowThreshold(RedemptionPolicy.BelowThreshold.KEEP)
            .withRestore(RedemptionPolicy.Restore.WITH_NEW_EXPIRY, Duration.ofDays(3))).build();
    String code = give(aThresholdCoupon(300_00, 50_00), alice());
    coupons.redemption().redeem(twoLines(), List.of(code), "pay");
    long returned = 0;
    returned += ((RefundResult.Refunded) coupons.redemption().refund("o1", Map.of("A", 1L), "r1"))
        .discountReturned().minorUnits();
    returned += ((RefundResult.Refunded) coupons.redemption().refund("o1", Map.of("A", 1L), "r2"))
        .discountReturned().minorUnits();
    RefundResult.Refunded last = (RefundResult.Refunded) coupons.redemption().refund("o1", Map.of("B", 1L), "r3");
    returned += last.discountReturned().minorUnits();
    assertThat(returned).isEqualTo(50_00);
    assertThat(last.fullyRefunded()).isTrue();
    assertThat(last.restored()).hasSize(1);
    var restored = coupons.store().coupon(last.restored().get(0)).orElseThrow();
    assertThat(restored.validUntil()).isEqualTo(clock.instant().plus(Duration.ofDays(3)));
    assertThat(coupons.redemption().refund("o1", Map.of("B", 1L), "r4")).isInstanceOf(RefundResult.NotRefundable.class);
  }

  @Test
  void refund_restoredCoupon_canBeUsedOnceMore_notTwice() {
    String code = give(aThresholdCoupon(300_00, 50_00), alice());
    coupons.redemption().redeem(order("o1", alice(), 400_00), List.of(code), "pay-1");
    coupons.redemption().refundAll("o1", "refund-1");
    coupons.redemption().refundAll("o1", "refund-1b");
    assertThat(coupons.redemption().redeem(order("o2", alice(), 400_00), List.of(code), "pay-2"))
        .isInstanceOf(RedeemResult.Redeemed.class);
    RedeemResult third = coupons.redemption().redeem(order("o3", alice(), 400_00), List.of(code), "pay-3");
    assertThat(((Refused) third).reason()).isEqualTo(Rejection.USED);
  }

  @Test
  void cancelUnpaid_releasesTheCoupons() {
    String code = give(aThresholdCoupon(300_00, 50_00), alice());
    coupons.redemption().reserve(order("o1", alice(), 400_00), List.of(code), "res");
    assertThat(coupons.redemption().cancelUnpaid("o1").status()).isEqualTo(Settlement.Status.RELEASED);
    assertThat(coupons.redemption().validate(order("o2", alice(), 400_00), List.of(code)).allUsable()).isTrue();
  }
}
