package io.github.scrm.examples.jdbc;

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
import io.github.scrm.coupons.order.Order;
import io.github.scrm.coupons.redemption.ReserveResult;
import io.github.scrm.coupons.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A till that times out and sends the same reservation again while the first call is still running: the reservation
 * id is the idempotency key, so the retry must get the first reservation back, not a refusal because its own coupon is
 * in use.
 */
abstract class RetriedReservations {

  private final Databases databases = new Databases(this::database);

  /** A fresh, migrated database. */
  abstract JdbcDatabase database();

  @AfterEach
  void closeDatabases() {
    databases.close();
  }

  @Test
  void reserve_retriedWhileTheFirstCallIsStillRunning_returnsTheFirstReservation() throws Exception {
    JdbcDatabase db = databases.open();
    JdbcCouponStore store = JdbcCouponStore.create(db);
    Coupons coupons = Fixtures.engine(store, Fixtures.clock());
    Campaign winter = campaign("winter", aThresholdCoupon(300_00, 50_00), 10);
    coupons.campaigns().create(winter);
    String code = ((IssueResult.Issued) coupons.issuance().claim(winter.id(), alice(), "k-1")).coupon().code()
        .value();
    Order order = order("o-1", alice(), 400_00);
    CountDownLatch campaignLocked = new CountDownLatch(1);
    CountDownLatch unlock = new CountDownLatch(1);
    ExecutorService tills = Executors.newFixedThreadPool(3);
    try {
      // holds the campaign row, so the first call stops half-way: its coupon held, its budget not yet counted
      Future<?> lock = tills.submit(() -> db.inTransaction(c -> {
        Sql.query(c, "SELECT id FROM coupon_campaign WHERE id = ? FOR UPDATE", rs -> rs.getString(1),
            winter.id().value());
        campaignLocked.countDown();
        try {
          unlock.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return null;
      }));
      campaignLocked.await(10, TimeUnit.SECONDS);
      Future<ReserveResult> first = tills.submit(() ->
          coupons.redemption().reserve(order, List.of(code), Duration.ofMinutes(15), "res-1"));
      Thread.sleep(500);
      Future<ReserveResult> retry = tills.submit(() ->
          coupons.redemption().reserve(order, List.of(code), Duration.ofMinutes(15), "res-1"));
      Thread.sleep(500);
      unlock.countDown();
      lock.get(10, TimeUnit.SECONDS);

      ReserveResult firstResult = first.get(10, TimeUnit.SECONDS);
      ReserveResult retryResult = retry.get(10, TimeUnit.SECONDS);

      assertThat(firstResult).isInstanceOf(ReserveResult.Reserved.class);
      assertThat(retryResult).isInstanceOf(ReserveResult.Reserved.class);
      assertThat(((ReserveResult.Reserved) retryResult).reservationId()).isEqualTo("res-1");
    } finally {
      unlock.countDown();
      tills.shutdownNow();
    }
    assertThat(store.coupon(new CouponCode(code)).orElseThrow().status()).isEqualTo(CouponStatus.RESERVED);
    assertThat(store.counters(winter.id()).committedDiscountFen()).isEqualTo(50_00);
    assertThat(coupons.campaigns().reconcile(winter.id()).problems()).isEmpty();
  }
}
