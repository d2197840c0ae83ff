package io.github.scrm.coupons.redemption;

import static io.github.scrm.coupons.testing.Fixtures.aThresholdCoupon;
import static io.github.scrm.coupons.testing.Fixtures.alice;
import static io.github.scrm.coupons.testing.Fixtures.campaign;
import static org.assertj.core.api.Assertions.assertThat;

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
}
