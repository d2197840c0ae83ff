package io.github.scrm.coupons.issuance;

import static io.github.scrm.coupons.testing.Fixtures.aThresholdCoupon;
import static io.github.scrm.coupons.testing.Fixtures.alice;
import static io.github.scrm.coupons.testing.Fixtures.bob;
import static io.github.scrm.coupons.testing.Fixtures.campaign;
import static io.github.scrm.coupons.testing.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.MaxLengths;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.money.Percent;
import io.github.scrm.core.spi.Audience;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.spi.RewardOutcome;
import io.github.scrm.core.spi.RewardRequest;
import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.coupons.CouponMaxLengths;
import io.github.scrm.coupons.Coupons;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.campaign.ImmutableCampaign;
import io.github.scrm.coupons.code.CodeSource;
import io.github.scrm.coupons.code.CouponCode;
import io.github.scrm.coupons.ledger.Actor;
import io.github.scrm.coupons.ledger.LedgerEvent;
import io.github.scrm.coupons.template.CouponTemplate;
import io.github.scrm.coupons.template.Validity;
import io.github.scrm.coupons.testing.Fixtures;
import io.github.scrm.coupons.testing.MutableClock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

final class IssuanceTest {
  private final MutableClock clock = Fixtures.clock();
  private final List<ShareAttribution> shares = new ArrayList<>();
  private final Coupons coupons = Coupons.builder().time(BusinessTime.of(clock))
      .idSource(IdSource.sequential("i", 7)).guardrails(Fixtures.permissive()).shareListener(shares::add).build();

  private CampaignId start(Campaign c) {
    coupons.campaigns().create(c);
    return c.id();
  }

  @Test
  void claim_outsideTheClaimWindow_isRefused() {
    CampaignId id = start(campaign("c", aThresholdCoupon(300_00, 50_00), 10));
    clock.set(LocalDateTime.parse("2026-12-31T00:00").atZone(BusinessTime.SHANGHAI).toInstant());
    assertThat(((IssueResult.NotIssued) coupons.issuance().claim(id, alice(), "k")).reason())
        .isEqualTo(IssueRefusal.OUTSIDE_CLAIM_WINDOW);
  }

  @Test
  void claim_afterTheWindowWithAKeyUsedInside_returnsTheFirstResult() {
    CampaignId id = start(campaign("c", aThresholdCoupon(300_00, 50_00), 10));
    IssueResult first = coupons.issuance().claim(id, alice(), "k");
    clock.set(LocalDateTime.parse("2026-12-31T00:00").atZone(BusinessTime.SHANGHAI).toInstant());
    IssueResult again = coupons.issuance().claim(id, alice(), "k");
    assertThat(((IssueResult.Issued) again).coupon()).isEqualTo(((IssueResult.Issued) first).coupon());
  }

  @Test
  void claim_customerOutsideTheAudience_isRefused() {
    Campaign c = ImmutableCampaign.copyOf(campaign("c", aThresholdCoupon(300_00, 50_00), 10))
        .withAudience(Audience.of("vip", List.of(alice())));
    CampaignId id = start(c);
    assertThat(coupons.issuance().claim(id, alice(), "a").issued()).isTrue();
    assertThat(((IssueResult.NotIssued) coupons.issuance().claim(id, bob(), "b")).reason())
        .isEqualTo(IssueRefusal.NOT_IN_AUDIENCE);
  }

  @Test
  void claim_perDayLimit_resetsTheNextBusinessDay() {
    Campaign c = ImmutableCampaign.copyOf(campaign("c", aThresholdCoupon(300_00, 50_00), 10, 5))
        .withPerDayLimit(OptionalInt.of(1));
    CampaignId id = start(c);
    assertThat(coupons.issuance().claim(id, alice(), "d1").issued()).isTrue();
    assertThat(((IssueResult.NotIssued) coupons.issuance().claim(id, alice(), "d2")).reason())
        .isEqualTo(IssueRefusal.DAILY_LIMIT);
    clock.advance(Duration.ofDays(1));
    assertThat(coupons.issuance().claim(id, alice(), "d3").issued()).isTrue();
  }

  @Test
  void issued_validityIsNeverBeyondTheCampaignEnd() {
    Campaign c = ImmutableCampaign.copyOf(campaign("c", aThresholdCoupon(300_00, 50_00), 10))
        .withEnd(LocalDateTime.parse("2026-11-25T00:00"));
    CampaignId id = start(c);
    var coupon = ((IssueResult.Issued) coupons.issuance().claim(id, alice(), "k")).coupon();
    assertThat(coupon.validUntil()).isEqualTo(LocalDateTime.parse("2026-11-25T00:00")
        .atZone(BusinessTime.SHANGHAI).toInstant());
  }

  @Test
  void monthly_rerunOfTheSameMonth_issuesNothingTwice() {
    CampaignId id = start(campaign("m", aThresholdCoupon(300_00, 50_00), 100, 12));
    List<MemberSpend> members = List.of(new MemberSpend(alice(), "gold", Money.fen(2_000_00)),
        new MemberSpend(bob(), "gold", Money.fen(999_99)), new MemberSpend(customer("carol"), "silver",
            Money.fen(5_000_00)));
    BulkResult first = coupons.issuance().monthly(id, YearMonth.of(2026, 10), members.stream(), "gold",
        Money.fen(1_000_00));
    BulkResult rerun = coupons.issuance().monthly(id, YearMonth.of(2026, 10), members.stream(), "gold",
        Money.fen(1_000_00));
    BulkResult next = coupons.issuance().monthly(id, YearMonth.of(2026, 11), members.stream(), "gold",
        Money.fen(1_000_00));
    assertThat(first.issued()).isEqualTo(1);
    assertThat(rerun.issued()).isZero();
    assertThat(rerun.repeated()).isEqualTo(1);
    assertThat(next.issued()).isEqualTo(1);
  }

  @Test
  void birthdayAndTierUpgrade_areOncePerYearAndTier() {
    CampaignId id = start(campaign("b", aThresholdCoupon(300_00, 50_00), 100, 10));
    assertThat(((IssueResult.Issued) coupons.issuance().birthday(id, alice(), 2026)).repeated()).isFalse();
    assertThat(((IssueResult.Issued) coupons.issuance().birthday(id, alice(), 2026)).repeated()).isTrue();
    assertThat(((IssueResult.Issued) coupons.issuance().tierUpgrade(id, alice(), "gold")).repeated()).isFalse();
    assertThat(((IssueResult.Issued) coupons.issuance().tierUpgrade(id, alice(), "gold")).repeated()).isTrue();
  }

  @Test
  void afterOrder_buyerGetsAShortCoupon_andFriendsClaimThroughTheToken_attributedToTheSharer() {
    CouponTemplate quick = CouponTemplate.builder().id("quick").name("2小时内可用")
        .benefit(io.github.scrm.coupons.template.Benefit.threshold(100_00, 10_00))
        .validity(new Validity.HoursAfterIssue(2)).build();
    CampaignId id = start(campaign("post", quick, 100, 3));
    PostOrderResult r = coupons.issuance().afterOrder(id, "o-1", alice(),
        new ShareRules(id, Duration.ofHours(24), 2, 1));
    var coupon = ((IssueResult.Issued) r.buyerCoupon()).coupon();
    assertThat(Duration.between(coupon.validFrom(), coupon.validUntil())).isEqualTo(Duration.ofHours(2));
    String token = r.shareToken().token();
    assertThat(((IssueResult.NotIssued) coupons.issuance().claimShared(token, alice(), "s0")).reason())
        .isEqualTo(IssueRefusal.OWN_SHARE);
    assertThat(coupons.issuance().claimShared(token, bob(), "s1").issued()).isTrue();
    assertThat(((IssueResult.NotIssued) coupons.issuance().claimShared(token, bob(), "s2")).reason())
        .isEqualTo(IssueRefusal.CUSTOMER_LIMIT);
    assertThat(coupons.issuance().claimShared(token, customer("carol"), "s3").issued()).isTrue();
    assertThat(((IssueResult.NotIssued) coupons.issuance().claimShared(token, customer("dave"), "s4")).reason())
        .isEqualTo(IssueRefusal.QUOTA_EXHAUSTED);
    assertThat(shares).extracting(ShareAttribution::friend).containsExactly(bob(), customer("carol"));
    assertThat(shares).allSatisfy(s -> assertThat(s.sharer()).isEqualTo(alice()));
    clock.advance(Duration.ofHours(24));
    assertThat(((IssueResult.NotIssued) coupons.issuance().claimShared(token, customer("erin"), "s5")).reason())
        .isEqualTo(IssueRefusal.SHARE_TOKEN_INVALID);
  }

  @Test
  void claimShared_repeatAfterTheTokenExpired_returnsTheFirstResult() {
    CampaignId id = start(campaign("post", aThresholdCoupon(100_00, 10_00), 100, 3));
    String token = coupons.issuance().afterOrder(id, "o-1", alice(), new ShareRules(id, Duration.ofHours(24), 2, 1))
        .shareToken().token();
    IssueResult first = coupons.issuance().claimShared(token, bob(), "s1");
    clock.advance(Duration.ofHours(24));

    IssueResult again = coupons.issuance().claimShared(token, bob(), "s1");

    assertThat(first.issued()).isTrue();
    assertThat(again).isEqualTo(new IssueResult.Issued(((IssueResult.Issued) first).coupon(), true));
    assertThat(shares).hasSize(1);
  }

  @Test
  void afterOrder_calledAgainForTheSameOrder_returnsTheSameToken_andNeverMultipliesTheClaims() {
    CampaignId buyer = start(campaign("post2", Fixtures.aThresholdCoupon(100_00, 10_00), 100, 3));
    CampaignId friends = start(campaign("friends", Fixtures.aThresholdCoupon(100_00, 10_00), 100, 3));
    ShareRules rules = new ShareRules(friends, Duration.ofHours(24), 2, 1);
    PostOrderResult first = coupons.issuance().afterOrder(buyer, "o-7", alice(), rules);
    clock.advance(Duration.ofMinutes(5));
    PostOrderResult again = coupons.issuance().afterOrder(buyer, "o-7", alice(), rules);
    assertThat(again.shareToken()).isEqualTo(first.shareToken());
    assertThat(((IssueResult.Issued) again.buyerCoupon()).repeated()).isTrue();

    int issued = 0;
    for (String token : List.of(first.shareToken().token(), again.shareToken().token())) {
      for (String friend : List.of("f1", "f2", "f3")) {
        if (coupons.issuance().claimShared(token, customer(friend + token.hashCode()), "s-" + friend + token + issued)
            .issued()) {
          issued++;
        }
      }
    }
    assertThat(issued).isEqualTo(2);
  }

  @Test
  void afterOrder_whoseBuyerCouponIsRefused_stillSharesOnlyTheOrdersClaims() {
    CampaignId buyer = start(campaign("post3", Fixtures.aThresholdCoupon(100_00, 10_00), 1, 3));
    CampaignId friends = start(campaign("friends3", Fixtures.aThresholdCoupon(100_00, 10_00), 100, 3));
    coupons.issuance().claim(buyer, bob(), "takes-the-stock");
    ShareRules rules = new ShareRules(friends, Duration.ofHours(24), 1, 1);
    PostOrderResult first = coupons.issuance().afterOrder(buyer, "o-8", alice(), rules);
    PostOrderResult again = coupons.issuance().afterOrder(buyer, "o-8", alice(), rules);
    assertThat(first.buyerCoupon().issued()).isFalse();
    assertThat(coupons.issuance().claimShared(first.shareToken().token(), customer("f1"), "a").issued()).isTrue();
    assertThat(coupons.issuance().claimShared(again.shareToken().token(), customer("f2"), "b").issued()).isFalse();
  }

  @Test
  void transfer_onlyOnce_andOnlyForTransferableCoupons() {
    CouponTemplate gift = CouponTemplate.builder().id("gift").name("gift")
        .benefit(io.github.scrm.coupons.template.Benefit.threshold(100_00, 10_00))
        .validity(new Validity.DaysAfterIssue(3)).transferable(true).build();
    CampaignId id = start(campaign("gift", gift, 10));
    var code = ((IssueResult.Issued) coupons.issuance().claim(id, alice(), "k")).coupon().code();
    assertThat(coupons.issuance().transfer(code, alice(), bob(), "t1")).isInstanceOf(TransferResult.Transferred.class);
    assertThat(coupons.issuance().transfer(code, alice(), bob(), "t1")).isInstanceOf(TransferResult.Transferred.class);
    assertThat(coupons.issuance().transfer(code, bob(), customer("carol"), "t2"))
        .isInstanceOf(TransferResult.NotTransferred.class);
    assertThat(coupons.store().wallet(bob())).extracting(c -> c.code()).containsExactly(code);
    assertThat(coupons.store().wallet(alice())).isEmpty();
    CampaignId plain = start(campaign("plain", aThresholdCoupon(300_00, 50_00), 10));
    var other = ((IssueResult.Issued) coupons.issuance().claim(plain, alice(), "k2")).coupon().code();
    assertThat(coupons.issuance().transfer(other, alice(), bob(), "t3"))
        .isInstanceOf(TransferResult.NotTransferred.class);
  }

  @Test
  void transfer_toAReceiverAtThePerCustomerLimit_isRefused_andChangesNothing() {
    CouponTemplate gift = CouponTemplate.builder().id("gift").name("gift")
        .benefit(io.github.scrm.coupons.template.Benefit.threshold(100_00, 10_00))
        .validity(new Validity.DaysAfterIssue(3)).transferable(true).build();
    CampaignId id = start(campaign("gift", gift, 10));
    var alices = ((IssueResult.Issued) coupons.issuance().claim(id, alice(), "ka")).coupon().code();
    var bobs = ((IssueResult.Issued) coupons.issuance().claim(id, bob(), "kb")).coupon().code();

    TransferResult r = coupons.issuance().transfer(alices, alice(), bob(), "t1");

    assertThat(((TransferResult.NotTransferred) r).reason()).isEqualTo(TransferRefusal.RECEIVER_LIMIT);
    assertThat(coupons.store().wallet(bob())).extracting(c -> c.code()).containsExactly(bobs);
    assertThat(coupons.store().wallet(alice())).extracting(c -> c.code()).containsExactly(alices);
    assertThat(coupons.campaigns().ledger(id)).noneMatch(e -> e.event() == LedgerEvent.TRANSFERRED);
    // the coupon Bob received counts like one he claimed
    assertThat(coupons.issuance().transfer(bobs, bob(), customer("carol"), "t2"))
        .isInstanceOf(TransferResult.Transferred.class);
    assertThat(((IssueResult.NotIssued) coupons.issuance().claim(id, customer("carol"), "kc")).reason())
        .isEqualTo(IssueRefusal.CUSTOMER_LIMIT);
  }

  @Test
  void rewardIssuer_paysAReferralRewardAsACoupon_onceByRewardId() {
    CampaignId id = start(campaign("ref", aThresholdCoupon(300_00, 50_00), 10, 5));
    RewardRequest req = new RewardRequest("reward-1", "referral", bob(), id.value(), Money.fen(50_00), clock.instant());
    RewardOutcome first = coupons.issuance().rewardIssuer().issue(req);
    RewardOutcome again = coupons.issuance().rewardIssuer().issue(req);
    assertThat(first).isInstanceOf(RewardOutcome.Issued.class).isEqualTo(again);
    assertThat(coupons.store().wallet(bob())).hasSize(1);
    assertThat(coupons.issuance().rewardIssuer().issue(new RewardRequest("reward-2", "referral", bob(), "no such!",
        Money.fen(1), clock.instant()))).isInstanceOf(RewardOutcome.Refused.class);
  }

  @Test
  void rewardIssuer_programmeAndRewardIdsLongerThanABatchOrAKey_stillPayOnceEach() {
    CampaignId id = start(campaign("ref", aThresholdCoupon(300_00, 50_00), 10, 5));
    String programme = "p".repeat(MaxLengths.PROGRAMME_ID);
    String rewardId =
        programme + "|" + "c".repeat(MaxLengths.CUSTOMER_ID) + "|order:" + "o".repeat(MaxLengths.ORDER_ID);
    RewardRequest req = new RewardRequest(rewardId, programme, bob(), id.value(), Money.fen(50_00), clock.instant());
    // the same long head, another order: must not be taken for the first reward
    RewardRequest other = new RewardRequest(rewardId + "2", programme, bob(), id.value(), Money.fen(50_00),
        clock.instant());

    RewardOutcome first = coupons.issuance().rewardIssuer().issue(req);
    RewardOutcome again = coupons.issuance().rewardIssuer().issue(req);
    RewardOutcome second = coupons.issuance().rewardIssuer().issue(other);

    assertThat(first).isInstanceOf(RewardOutcome.Issued.class).isEqualTo(again);
    assertThat(second).isInstanceOf(RewardOutcome.Issued.class).isNotEqualTo(first);
    assertThat(coupons.store().wallet(bob())).hasSize(2);
  }

  @Test
  void bulk_withCanary_issuesAShareFirst_thenTheRest_neverTwice() {
    List<CustomerId> members = Stream.iterate(0, i -> i + 1).limit(20).map(i -> customer("m" + i)).toList();
    Campaign c = ImmutableCampaign.copyOf(campaign("bulk", aThresholdCoupon(300_00, 50_00), 100))
        .withAudience(Audience.of("members", members));
    CampaignId id = start(c);
    BulkResult canary = coupons.issuance().bulk(id, "op-bob", "nov", java.util.Optional.of(Percent.of(10)));
    assertThat(canary.issued()).isEqualTo(2);
    assertThat(canary.remaining()).isEqualTo(18);
    BulkResult rest = coupons.issuance().continueBulk(id, "op-bob", "nov");
    assertThat(rest.issued()).isEqualTo(18);
    assertThat(rest.repeated()).isEqualTo(2);
    assertThat(coupons.store().counters(id).issued()).isEqualTo(20);
    assertThat(coupons.campaigns().ledger(id)).filteredOn(e -> e.event() == LedgerEvent.ISSUED)
        .allSatisfy(e -> assertThat(e.actor().id()).isEqualTo("op-bob"));
  }

  @Test
  void afterOrder_withIdsAtTheirLimits_issuesAndSharesWithinTheComposedKeyLimit() {
    CampaignId id = start(campaign("p".repeat(64), aThresholdCoupon(100_00, 10_00), 100, 3));
    CustomerId buyer = customer("b".repeat(MaxLengths.CUSTOMER_ID));
    CustomerId friend = customer("f".repeat(MaxLengths.CUSTOMER_ID));
    String orderId = "o".repeat(CouponMaxLengths.ORDER_ID);
    ShareRules rules = new ShareRules(id, Duration.ofHours(24), 2, 1);

    PostOrderResult r = coupons.issuance().afterOrder(id, orderId, buyer, rules);

    assertThat(r.buyerCoupon().issued()).isTrue();
    assertThat(r.shareToken().orderId()).isEqualTo(orderId);
    String key = "k".repeat(CouponMaxLengths.IDEMPOTENCY_KEY);
    assertThat(coupons.issuance().claimShared(r.shareToken().token(), friend, key).issued()).isTrue();
  }

  @Test
  void calls_withAnOrderIdKeyOrBatchOverItsLimit_areRefusedWithBothLengths() {
    CampaignId id = start(campaign("c", aThresholdCoupon(300_00, 50_00), 10));
    ShareRules rules = new ShareRules(id, Duration.ofHours(24), 2, 1);

    assertThatThrownBy(() -> coupons.issuance().afterOrder(id, "o".repeat(257), alice(), rules))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("orderId: must have 1 to 256 non-blank characters, but had 257");
    assertThatThrownBy(() -> coupons.issuance().claim(id, alice(), "k".repeat(201)))
        .hasMessage("idempotencyKey: must have 1 to 200 non-blank characters, but had 201");
    assertThatThrownBy(() -> coupons.issuance().issue(id, alice(), "b".repeat(65), Actor.operator("op"), "k"))
        .hasMessage("batch: must have 1 to 64 non-blank characters, but had 65");
    assertThat(coupons.issuance().claim(id, alice(), "k".repeat(200)).issued()).isTrue();
  }

  @Test
  void claim_withACodeSourceProducingACodeAtTheLimit_issuesIt() {
    Coupons longCodes = engineWithCodes(() -> new CouponCode("X".repeat(CouponMaxLengths.CODE)));
    Campaign c = campaign("c", aThresholdCoupon(300_00, 50_00), 10);
    longCodes.campaigns().create(c);

    IssueResult r = longCodes.issuance().claim(c.id(), alice(), "k");

    assertThat(((IssueResult.Issued) r).coupon().code().value()).hasSize(64);
    assertThat(longCodes.store().wallet(alice())).hasSize(1);
  }

  @Test
  void claim_withACodeSourceProducingACodeOverTheLimitOrBlank_isRefusedWithItsLength_andIssuesNothing() {
    Coupons tooLong = engineWithCodes(() -> new CouponCode("X".repeat(CouponMaxLengths.CODE + 1)));
    Coupons blank = engineWithCodes(() -> new CouponCode(" "));
    Campaign c = campaign("c", aThresholdCoupon(300_00, 50_00), 10);
    tooLong.campaigns().create(c);
    blank.campaigns().create(c);

    assertThatThrownBy(() -> tooLong.issuance().claim(c.id(), alice(), "k"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the CodeSource given to Coupons.builder().codes(...) produced a code of 65 characters, but coupon"
            + " codes must have 1 to 64 non-blank characters");
    assertThatThrownBy(() -> blank.issuance().claim(c.id(), alice(), "k"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("produced a code that was blank");
    for (Coupons engine : List.of(tooLong, blank)) {
      assertThat(engine.store().wallet(alice())).isEmpty();
      assertThat(engine.store().issueOutcome("k")).isEmpty();
      assertThat(engine.store().counters(c.id()).issued()).isZero();
      assertThat(engine.campaigns().ledger(c.id())).extracting(e -> e.event())
          .containsExactly(LedgerEvent.CAMPAIGN_CREATED);
    }
  }

  private Coupons engineWithCodes(CodeSource codes) {
    return Coupons.builder().time(BusinessTime.of(clock)).idSource(IdSource.sequential("i", 7))
        .guardrails(Fixtures.permissive()).codes(codes).build();
  }
}
