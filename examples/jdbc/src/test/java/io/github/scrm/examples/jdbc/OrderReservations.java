package io.github.scrm.examples.jdbc;

import static io.github.scrm.coupons.testing.Fixtures.aThresholdCoupon;
import static io.github.scrm.coupons.testing.Fixtures.alice;
import static io.github.scrm.coupons.testing.Fixtures.campaign;
import static io.github.scrm.coupons.testing.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.coupons.Coupons;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.campaign.Coupon;
import io.github.scrm.coupons.campaign.CouponStatus;
import io.github.scrm.coupons.issuance.IssueResult;
import io.github.scrm.coupons.ledger.Actor;
import io.github.scrm.coupons.ledger.LedgerEntry;
import io.github.scrm.coupons.ledger.LedgerEvent;
import io.github.scrm.coupons.redemption.ReserveResult;
import io.github.scrm.coupons.redemption.Settlement;
import io.github.scrm.coupons.spi.CouponUse;
import io.github.scrm.coupons.spi.Reservation;
import io.github.scrm.coupons.spi.ReserveOutcome;
import io.github.scrm.coupons.testing.Fixtures;
import io.github.scrm.coupons.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One live coupon reservation per order, held by the JDBC store itself: the engine checks the order before it calls
 * the store, so only a reservation whose check ran before another reservation of the same order committed reaches the
 * store, and the store must refuse it.
 */
abstract class OrderReservations {

  private final Databases databases = new Databases(this::database);
  private final MutableClock clock = Fixtures.clock();
  private JdbcDatabase db;
  private JdbcCouponStore store;
  private Coupons coupons;

  /** A fresh, migrated database. */
  abstract JdbcDatabase database();

  @BeforeEach
  void openStore() {
    db = databases.open();
    store = JdbcCouponStore.create(db);
    coupons = Fixtures.engine(store, clock);
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }

  private Coupon aliceCoupon(String campaignId) {
    Campaign c = campaign(campaignId, aThresholdCoupon(300_00, 50_00), 10);
    coupons.campaigns().create(c);
    return ((IssueResult.Issued) coupons.issuance().claim(c.id(), alice(), "k-" + campaignId)).coupon();
  }

  /** What the engine passes the store for {@code coupon} on order {@code orderId}, checked before the call. */
  private Reservation checkedReservation(String id, String orderId, Coupon coupon) {
    return new Reservation(id, orderId, alice(), List.of(new CouponUse(coupon.code(), coupon.campaign(), 50_00,
        Map.of("L0", 50_00L))), Map.of("L0", 1L), Map.of("L0", 400_00L), 400_00, clock.instant(),
        clock.instant().plus(Duration.ofMinutes(15)), Reservation.State.ACTIVE, List.of(), 0);
  }

  private LedgerEntry template(String id, String orderId) {
    return new LedgerEntry(CampaignId.of("order"), "", LedgerEvent.RESERVED, id, Actor.customer(alice()),
        clock.instant(), 0, orderId);
  }

  @Test
  void reserve_secondReservationOfAnOrderWithALiveOne_isRefused_andHoldsNothing() {
    Coupon first = aliceCoupon("winter");
    Coupon second = aliceCoupon("spring");
    assertThat(coupons.redemption().reserve(order("o-1", alice(), 400_00), List.of(first.code().value()),
        Duration.ofMinutes(15), "res-1")).isInstanceOf(ReserveResult.Reserved.class);

    ReserveOutcome out = store.reserve(checkedReservation("res-2", "o-1", second), clock.instant(),
        template("res-2", "o-1"));

    assertThat(out).isEqualTo(new ReserveOutcome.Refused(ReserveOutcome.Reason.ORDER_ALREADY_RESERVED, ""));
    assertThat(store.coupon(second.code()).orElseThrow().status()).isEqualTo(CouponStatus.AVAILABLE);
    assertThat(store.counters(second.campaign()).committedDiscountFen()).isZero();
    assertThat(store.reservation("res-2")).isEmpty();
    assertThat(store.reservationForOrder("o-1")).map(Reservation::id).contains("res-1");
  }

  @Test
  void reserve_afterTheOrdersReservationWasReleasedOrExpired_isAccepted() {
    Coupon first = aliceCoupon("winter");
    Coupon second = aliceCoupon("spring");
    coupons.redemption().reserve(order("o-1", alice(), 400_00), List.of(first.code().value()),
        Duration.ofMinutes(15), "res-1");
    assertThat(coupons.redemption().cancelUnpaid("o-1").status()).isEqualTo(Settlement.Status.RELEASED);
    assertThat(coupons.redemption().reserve(order("o-1", alice(), 400_00), List.of(second.code().value()),
        Duration.ofMinutes(5), "res-2")).isInstanceOf(ReserveResult.Reserved.class);
    clock.advance(Duration.ofMinutes(5));

    ReserveOutcome out = store.reserve(checkedReservation("res-3", "o-1", first), clock.instant(),
        template("res-3", "o-1"));

    assertThat(out).isInstanceOf(ReserveOutcome.Reserved.class);
    assertThat(store.reservationForOrder("o-1")).map(Reservation::id).contains("res-3");
  }

  @Test
  void reserve_twoReservationsOfOneOrderAtOnce_onlyTheFirstHoldsItsCoupon() throws Exception {
    Coupon first = aliceCoupon("winter");
    Coupon second = aliceCoupon("spring");
    CountDownLatch campaignLocked = new CountDownLatch(1);
    CountDownLatch unlock = new CountDownLatch(1);
    ExecutorService tills = Executors.newFixedThreadPool(3);
    try {
      // holds the first coupon's campaign row, so the first call stops after it claimed the order
      Future<?> lock = tills.submit(() -> db.inTransaction(c -> {
        Sql.query(c, "SELECT id FROM coupon_campaign WHERE id = ? FOR UPDATE", rs -> rs.getString(1), "winter");
        campaignLocked.countDown();
        try {
          unlock.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return null;
      }));
      assertThat(campaignLocked.await(10, TimeUnit.SECONDS)).isTrue();
      Future<ReserveOutcome> one = tills.submit(() -> store.reserve(checkedReservation("res-1", "o-1", first),
          clock.instant(), template("res-1", "o-1")));
      Thread.sleep(500);
      Future<ReserveOutcome> two = tills.submit(() -> store.reserve(checkedReservation("res-2", "o-1", second),
          clock.instant(), template("res-2", "o-1")));
      Thread.sleep(500);
      unlock.countDown();
      lock.get(10, TimeUnit.SECONDS);

      assertThat(one.get(10, TimeUnit.SECONDS)).isInstanceOf(ReserveOutcome.Reserved.class);
      assertThat(two.get(10, TimeUnit.SECONDS))
          .isEqualTo(new ReserveOutcome.Refused(ReserveOutcome.Reason.ORDER_ALREADY_RESERVED, ""));
    } finally {
      unlock.countDown();
      tills.shutdownNow();
    }
    assertThat(store.coupon(second.code()).orElseThrow().status()).isEqualTo(CouponStatus.AVAILABLE);
    assertThat(store.counters(second.campaign()).committedDiscountFen()).isZero();
  }
}
