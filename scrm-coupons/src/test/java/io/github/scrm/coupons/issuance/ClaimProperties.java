package io.github.scrm.coupons.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.coupons.Coupons;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.campaign.Coupon;
import io.github.scrm.coupons.spi.CouponStores;
import io.github.scrm.coupons.testing.Fixtures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class ClaimProperties {

  @Test
  void randomInterleavingsOfClaims_neverExceedStockOrLimits() {
    qt().withExamples(60).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      int stock = 1 + r.nextInt(30);
      int limit = 1 + r.nextInt(3);
      Coupons coupons = Fixtures.engine(CouponStores.inMemory(), Fixtures.clock());
      Campaign c = Fixtures.campaign("p", Fixtures.aThresholdCoupon(300_00, 50_00), stock, limit);
      coupons.campaigns().create(c);
      int claims = r.nextInt(80);
      List<Runnable> calls = new ArrayList<>();
      for (int i = 0; i < claims; i++) {
        CustomerId who = CustomerId.of("c" + r.nextInt(8));
        String key = "k" + r.nextInt(Math.max(1, claims));
        calls.add(() -> coupons.issuance().claim(c.id(), who, key));
      }
      Thread a = new Thread(() -> calls.subList(0, calls.size() / 2).forEach(Runnable::run));
      Thread b = new Thread(() -> calls.subList(calls.size() / 2, calls.size()).forEach(Runnable::run));
      a.start();
      b.start();
      try {
        a.join();
        b.join();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      List<Coupon> issued = coupons.store().coupons(c.id());
      assertThat(issued.size()).isLessThanOrEqualTo(stock);
      Map<CustomerId, Integer> per = new HashMap<>();
      issued.forEach(x -> per.merge(x.holder(), 1, Integer::sum));
      assertThat(per.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(limit));
      assertThat(coupons.campaigns().reconcile(c.id()).problems()).isEmpty();
    });
  }
}
