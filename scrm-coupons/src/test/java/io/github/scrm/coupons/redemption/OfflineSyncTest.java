package io.github.scrm.coupons.redemption;

import static io.github.scrm.coupons.testing.Fixtures.aThresholdCoupon;
import static io.github.scrm.coupons.testing.Fixtures.alice;
import static io.github.scrm.coupons.testing.Fixtures.campaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.money.Money;
import io.github.scrm.coupons.Coupons;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.issuance.IssueResult;
import io.github.scrm.coupons.spi.CouponStores;
import io.github.scrm.coupons.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

final class OfflineSyncTest {

  @Test
  void signedCodes_issuedByTheEngine_verifyOfflineAndSync() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    io.github.scrm.coupons.code.SignedCodes signed = io.github.scrm.coupons.code.SignedCodes.of(key,
        new java.security.SecureRandom(), "POS");
    Coupons coupons = Coupons.builder().time(io.github.scrm.core.time.BusinessTime.of(Fixtures.clock()))
        .idSource(io.github.scrm.core.spi.IdSource.secure()).guardrails(Fixtures.permissive()).codes(signed).build();
    Campaign c = campaign("pos", aThresholdCoupon(300_00, 50_00), 10);
    coupons.campaigns().create(c);
    String code = ((IssueResult.Issued) coupons.issuance().claim(c.id(), alice(), "k")).coupon().code().value();
    assertThat(signed.verify(code)).isPresent();
    OfflineSync.Use use = new OfflineSync.Use(code, "pos-1", "t1", Fixtures.NOW, Money.fen(50_00));
    assertThat(coupons.redemption().syncOffline(List.of(use))).extracting(OfflineSync.Result::status)
        .containsExactly(OfflineSync.Status.ACCEPTED);
  }

  @Test
  void sync_discountInAnotherCurrency_isRefusedAndNoUseOfTheListIsRecorded() {
    Coupons coupons = Fixtures.engine(CouponStores.inMemory(), Fixtures.clock());
    Campaign c = campaign("pos", aThresholdCoupon(300_00, 50_00), 10, 2);
    coupons.campaigns().create(c);
    String fine = ((IssueResult.Issued) coupons.issuance().claim(c.id(), alice(), "k1")).coupon().code().value();
    String dollars = ((IssueResult.Issued) coupons.issuance().claim(c.id(), alice(), "k2")).coupon().code().value();
    OfflineSync.Use cny = new OfflineSync.Use(fine, "pos-1", "t1", Fixtures.NOW, Money.fen(50_00));
    OfflineSync.Use usd = new OfflineSync.Use(dollars, "pos-2", "t2", Fixtures.NOW,
        Money.of(50_00, java.util.Currency.getInstance("USD")));
    assertThatThrownBy(() -> coupons.redemption().syncOffline(List.of(cny, usd)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use 1 (order pos-2, terminal t2)")
        .hasMessageContaining("discount must be in CNY")
        .hasMessageNotContaining(dollars);
    assertThat(coupons.store().counters(c.id()).redeemed()).isZero();
    assertThat(coupons.store().counters(c.id()).committedDiscountFen()).isZero();
  }

  @Test
  void sync_secondUseOfACode_isReportedAsDoubleUse() {
    Coupons coupons = Fixtures.engine(CouponStores.inMemory(), Fixtures.clock());
    Campaign c = campaign("pos", aThresholdCoupon(300_00, 50_00), 10);
    coupons.campaigns().create(c);
    String code = ((IssueResult.Issued) coupons.issuance().claim(c.id(), alice(), "k")).coupon().code().value();
    OfflineSync.Use first = new OfflineSync.Use(code, "pos-1", "t1", Fixtures.NOW, Money.fen(50_00));
    OfflineSync.Use second = new OfflineSync.Use(code, "pos-2", "t2", Fixtures.NOW, Money.fen(50_00));
    List<OfflineSync.Result> r = coupons.redemption().syncOffline(List.of(first, second, first));
    assertThat(r).extracting(OfflineSync.Result::status).containsExactly(OfflineSync.Status.ACCEPTED,
        OfflineSync.Status.DOUBLE_USE, OfflineSync.Status.ACCEPTED);
    assertThat(coupons.store().counters(c.id()).redeemed()).isEqualTo(1);
    assertThat(coupons.campaigns().reconcile(c.id()).problems()).isEmpty();
  }

  @Test
  void sync_ledgerEntryAndUse_neverShowTheCode() {
    Coupons coupons = Fixtures.engine(CouponStores.inMemory(), Fixtures.clock());
    Campaign c = campaign("pos", aThresholdCoupon(300_00, 50_00), 10);
    coupons.campaigns().create(c);
    String code = ((IssueResult.Issued) coupons.issuance().claim(c.id(), alice(), "k")).coupon().code().value();
    OfflineSync.Use use = new OfflineSync.Use(code, "pos-1", "t1", Fixtures.NOW, Money.fen(50_00));
    List<OfflineSync.Result> r = coupons.redemption().syncOffline(List.of(use, use));
    assertThat(r).extracting(OfflineSync.Result::status).containsExactly(OfflineSync.Status.ACCEPTED,
        OfflineSync.Status.ACCEPTED);
    var redeemed = coupons.campaigns().ledger(c.id()).stream()
        .filter(e -> e.event() == io.github.scrm.coupons.ledger.LedgerEvent.REDEEMED).toList();
    assertThat(redeemed).hasSize(1);
    assertThat(redeemed.get(0).idempotencyKey()).startsWith("offline:pos-1:").doesNotContain(code);
    assertThat(redeemed.get(0).toString()).doesNotContain(code);
    assertThat(r.get(0).toString()).doesNotContain(code);
  }

  private final io.github.scrm.coupons.testing.MutableClock clock = Fixtures.clock();
  private final Coupons engine = Fixtures.engine(CouponStores.inMemory(), clock);

  private String claim(Campaign c, String key) {
    if (engine.store().campaign(c.id()).isEmpty()) {
      engine.campaigns().create(c);
    }
    return ((IssueResult.Issued) engine.issuance().claim(c.id(), alice(), key)).coupon().code().value();
  }

  @Test
  void sync_countsTheDiscountAgainstTheBudget_andReportsAnOverrun() {
    Campaign c = io.github.scrm.coupons.campaign.ImmutableCampaign.copyOf(campaign("pos", aThresholdCoupon(300_00,
        50_00), 10, 5)).withMaxDiscountGranted(Money.fen(80_00));
    String a = claim(c, "a");
    String b = claim(c, "b");
    List<OfflineSync.Result> r = engine.redemption().syncOffline(List.of(
        new OfflineSync.Use(a, "pos-1", "t1", Fixtures.NOW, Money.fen(50_00)),
        new OfflineSync.Use(b, "pos-2", "t1", Fixtures.NOW, Money.fen(50_00))));
    assertThat(r).extracting(OfflineSync.Result::status).containsExactly(OfflineSync.Status.ACCEPTED,
        OfflineSync.Status.OVER_BUDGET);
    // both were granted at the till: both coupons are used and both discounts counted
    assertThat(engine.store().counters(c.id()).committedDiscountFen()).isEqualTo(100_00);
    assertThat(engine.store().counters(c.id()).redeemed()).isEqualTo(2);
  }

  @Test
  void sync_ofAUseOutsideTheCouponsWindow_isReportedExpired_andChangesNothing() {
    Campaign c = campaign("pos", aThresholdCoupon(300_00, 50_00), 10, 5);
    String code = claim(c, "a");
    java.time.Instant late = engine.store().coupon(new io.github.scrm.coupons.code.CouponCode(code)).orElseThrow()
        .validUntil();
    List<OfflineSync.Result> r = engine.redemption().syncOffline(List.of(
        new OfflineSync.Use(code, "pos-1", "t1", late, Money.fen(50_00))));
    assertThat(r).extracting(OfflineSync.Result::status).containsExactly(OfflineSync.Status.EXPIRED);
    assertThat(engine.store().counters(c.id()).redeemed()).isZero();
  }

  @Test
  void sync_whileTheCampaignIsPaused_isReportedAsSuch_andCanBeSyncedAgainAfterResume() {
    Campaign c = campaign("pos", aThresholdCoupon(300_00, 50_00), 10, 5);
    String code = claim(c, "a");
    engine.store().changeStatus(c.id(), io.github.scrm.coupons.campaign.CampaignStatus.ACTIVE,
        io.github.scrm.coupons.campaign.CampaignStatus.PAUSED, new io.github.scrm.coupons.ledger.LedgerEntry(c.id(),
            "", io.github.scrm.coupons.ledger.LedgerEvent.PAUSED, "pause",
            io.github.scrm.coupons.ledger.Actor.system("circuit-breaker"), clock.instant(), 0, ""));
    OfflineSync.Use use = new OfflineSync.Use(code, "pos-1", "t1", Fixtures.NOW, Money.fen(50_00));
    assertThat(engine.redemption().syncOffline(List.of(use))).extracting(OfflineSync.Result::status)
        .containsExactly(OfflineSync.Status.CAMPAIGN_NOT_ACTIVE);
    assertThat(engine.store().counters(c.id()).redeemed()).isZero();
    engine.campaigns().resume(c.id(), "op", "ok");
    assertThat(engine.redemption().syncOffline(List.of(use))).extracting(OfflineSync.Result::status)
        .containsExactly(OfflineSync.Status.ACCEPTED);
    assertThat(engine.campaigns().reconcile(c.id()).problems()).isEmpty();
  }
}
