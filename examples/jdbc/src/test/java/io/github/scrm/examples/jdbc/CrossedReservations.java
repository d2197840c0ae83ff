package io.github.scrm.examples.jdbc;

import static io.github.scrm.coupons.testing.Fixtures.aNoThresholdCoupon;
import static io.github.scrm.coupons.testing.Fixtures.aThresholdCoupon;
import static io.github.scrm.coupons.testing.Fixtures.alice;
import static io.github.scrm.coupons.testing.Fixtures.campaign;
import static io.github.scrm.coupons.testing.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.coupons.Coupons;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.campaign.CouponStatus;
import io.github.scrm.coupons.code.CouponCode;
import io.github.scrm.coupons.issuance.IssueResult;
import io.github.scrm.coupons.redemption.ReserveResult;
import io.github.scrm.coupons.redemption.Settlement;
import io.github.scrm.coupons.testing.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reservations naming the same two coupons of two campaigns in opposite orders, from eight threads: the store holds
 * coupons in code order and campaigns in id order, so no unit waits on another in a cycle, and whatever PostgreSQL or
 * H2 still reports as a deadlock is retried. Every call must end in a value, and the budgets must come back to zero.
 */
abstract class CrossedReservations {

  private final Databases databases = new Databases(this::database);

  /** A fresh, migrated database. */
  abstract JdbcDatabase database();

  @AfterEach
  void closeDatabases() {
    databases.close();
  }

  @Test
  void reserve_sameCouponsInOppositeOrders_neverFailsAndGivesEverythingBack() throws Exception {
    JdbcCouponStore store = JdbcCouponStore.create(databases.open());
    Coupons coupons = Fixtures.engine(store, Fixtures.clock());
    Campaign a = campaign("ca", aThresholdCoupon(300_00, 50_00), 10);
    Campaign b = campaign("cb", aNoThresholdCoupon(10_00), 10);
    coupons.campaigns().create(a);
    coupons.campaigns().create(b);
    String first = ((IssueResult.Issued) coupons.issuance().claim(a.id(), alice(), "k-a")).coupon().code().value();
    String second = ((IssueResult.Issued) coupons.issuance().claim(b.id(), alice(), "k-b")).coupon().code().value();
    AtomicInteger reserved = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        List<String> codes = thread % 2 == 0 ? List.of(first, second) : List.of(second, first);
        futures.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < 25; i++) {
            String id = "r-" + thread + "-" + i;
            ReserveResult r = coupons.redemption().reserve(order("o-" + id, alice(), 400_00), codes,
                Duration.ofMinutes(5), id);
            if (r instanceof ReserveResult.Reserved) {
              reserved.incrementAndGet();
              assertThat(coupons.redemption().release(id).status()).isEqualTo(Settlement.Status.RELEASED);
            }
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(reserved.get()).isPositive();
    assertThat(store.coupon(new CouponCode(first)).orElseThrow().status()).isEqualTo(CouponStatus.AVAILABLE);
    assertThat(store.coupon(new CouponCode(second)).orElseThrow().status()).isEqualTo(CouponStatus.AVAILABLE);
    assertThat(store.counters(a.id()).committedDiscountFen()).isZero();
    assertThat(store.counters(b.id()).committedDiscountFen()).isZero();
    assertThat(coupons.campaigns().reconcile(a.id()).problems()).isEmpty();
    assertThat(coupons.campaigns().reconcile(b.id()).problems()).isEmpty();
  }
}
