package io.github.scrm.coupons.spi;

import static io.github.scrm.coupons.testing.Fixtures.aThresholdCoupon;
import static io.github.scrm.coupons.testing.Fixtures.alice;
import static io.github.scrm.coupons.testing.Fixtures.bob;
import static io.github.scrm.coupons.testing.Fixtures.campaign;
import static io.github.scrm.coupons.testing.Fixtures.customer;
import static io.github.scrm.coupons.testing.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.coupons.Coupons;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.campaign.CampaignStatus;
import io.github.scrm.coupons.campaign.Coupon;
import io.github.scrm.coupons.campaign.CouponStatus;
import io.github.scrm.coupons.code.CouponCode;
import io.github.scrm.coupons.issuance.IssueRefusal;
import io.github.scrm.coupons.issuance.IssueResult;
import io.github.scrm.coupons.ledger.Actor;
import io.github.scrm.coupons.ledger.LedgerEntry;
import io.github.scrm.coupons.ledger.LedgerEvent;
import io.github.scrm.coupons.order.Order;
import io.github.scrm.coupons.redemption.OfflineSync;
import io.github.scrm.coupons.redemption.RedeemResult;
import io.github.scrm.coupons.redemption.RefundResult;
import io.github.scrm.coupons.redemption.Rejection;
import io.github.scrm.coupons.redemption.ReserveResult;
import io.github.scrm.coupons.redemption.Settlement;
import io.github.scrm.coupons.redemption.Verdict;
import io.github.scrm.coupons.template.Benefit;
import io.github.scrm.coupons.template.CouponTemplate;
import io.github.scrm.coupons.template.Validity;
import io.github.scrm.coupons.testing.Fixtures;
import io.github.scrm.coupons.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CouponStore} must have. A host's implementation extends this class and implements
 * {@link #newStore()} (an empty store per call); the tests drive the store through the public engine, so they hold for
 * any backend. Includes the contention tests and the expiry boundaries.
 */
public abstract class CouponStoreContract {
  private static final int THREADS = 8;

  /** A new, empty store. */
  protected abstract CouponStore newStore();

  protected MutableClock clock;
  protected CouponStore store;
  protected Coupons coupons;
  private ExecutorService pool;

  @BeforeEach
  void setUpStore() {
    clock = Fixtures.clock();
    store = newStore();
    coupons = Fixtures.engine(store, clock);
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void tearDownPool() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }

  private CampaignId start(Campaign c) {
    coupons.campaigns().create(c);
    assertThat(store.status(c.id())).contains(CampaignStatus.ACTIVE);
    return c.id();
  }

  private Coupon claim(CampaignId id, CustomerId who) {
    IssueResult r = coupons.issuance().claim(id, who, "claim:" + id + ":" + who + ":" + claims.incrementAndGet());
    return ((IssueResult.Issued) r).coupon();
  }

  private final AtomicInteger claims = new AtomicInteger();

  @Test
  public void claim_untilStockIsGone_thenOutOfStock() {
    CampaignId id = start(campaign("c1", aThresholdCoupon(300_00, 50_00), 2, 5));
    assertThat(coupons.issuance().claim(id, alice(), "k1").issued()).isTrue();
    assertThat(coupons.issuance().claim(id, bob(), "k2").issued()).isTrue();
    IssueResult third = coupons.issuance().claim(id, customer("carol"), "k3");
    assertThat(third).isEqualTo(new IssueResult.NotIssued(IssueRefusal.OUT_OF_STOCK,
        "the campaign's stock is used up"));
    assertThat(store.counters(id).issued()).isEqualTo(2);
  }

  @Test
  public void claim_repeatedKey_returnsTheFirstCouponAndIssuesNothing() {
    CampaignId id = start(campaign("c1", aThresholdCoupon(300_00, 50_00), 10, 5));
    IssueResult.Issued first = (IssueResult.Issued) coupons.issuance().claim(id, alice(), "same");
    IssueResult.Issued again = (IssueResult.Issued) coupons.issuance().claim(id, alice(), "same");
    assertThat(again.coupon()).isEqualTo(first.coupon());
    assertThat(again.repeated()).isTrue();
    assertThat(store.counters(id).issued()).isEqualTo(1);
    assertThat(store.wallet(alice())).hasSize(1);
  }

  @Test
  public void claim_keyFirstUsedByAnotherCustomerOrCampaign_isAKeyConflict_andHandsOverNoCoupon() {
    CampaignId a = start(campaign("ca", aThresholdCoupon(300_00, 50_00), 10, 5));
    CampaignId b = start(campaign("cb", aThresholdCoupon(300_00, 50_00), 10, 5));
    IssueResult.Issued first = (IssueResult.Issued) coupons.issuance().claim(a, alice(), "req-1");

    IssueResult otherCustomer = coupons.issuance().claim(a, bob(), "req-1");
    IssueResult otherCampaign = coupons.issuance().claim(b, alice(), "req-1");

    for (IssueResult r : List.of(otherCustomer, otherCampaign)) {
      assertThat(r).isInstanceOf(IssueResult.NotIssued.class);
      assertThat(((IssueResult.NotIssued) r).reason()).isEqualTo(IssueRefusal.IDEMPOTENCY_KEY_CONFLICT);
      assertThat(((IssueResult.NotIssued) r).message()).doesNotContain(first.coupon().code().value())
          .doesNotContain("alice");
    }
    assertThat(store.wallet(bob())).isEmpty();
    assertThat(store.counters(b).issued()).isZero();
    assertThat(coupons.issuance().claim(a, alice(), "req-1")).isEqualTo(new IssueResult.Issued(first.coupon(), true));
  }

  @Test
  public void claim_aboveCustomerLimit_isRefusedWithoutChange() {
    CampaignId id = start(campaign("c1", aThresholdCoupon(300_00, 50_00), 10, 1));
    coupons.issuance().claim(id, alice(), "k1");
    IssueResult second = coupons.issuance().claim(id, alice(), "k2");
    assertThat(((IssueResult.NotIssued) second).reason()).isEqualTo(IssueRefusal.CUSTOMER_LIMIT);
    assertThat(store.counters(id).issued()).isEqualTo(1);
  }

  @Test
  public void claim_liabilityBudget_isNeverPassed() {
    Campaign c = io.github.scrm.coupons.campaign.ImmutableCampaign.copyOf(campaign("c1", aThresholdCoupon(300_00, 50_00), 100, 100))
        .withMaxLiability(Money.fen(120_00));
    CampaignId id = start(c);
    for (int i = 0; i < 5; i++) {
      coupons.issuance().claim(id, alice(), "k" + i);
    }
    assertThat(store.counters(id).issued()).isEqualTo(2);
    assertThat(store.counters(id).liabilityFen()).isEqualTo(100_00);
  }

  @Test
  public void claims_eightThreadsHundredThousandClaims_issueExactlyTheStockAndRespectLimits() throws Exception {
    int stock = 10_000;
    int limit = 3;
    CampaignId id = start(campaign("hot", aThresholdCoupon(300_00, 50_00), stock, limit));
    int perThread = 100_000 / THREADS;
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        SplittableRandom random = new SplittableRandom(thread);
        int issued = 0;
        go.await();
        for (int i = 0; i < perThread; i++) {
          CustomerId who = customer("c" + random.nextInt(4_000));
          if (coupons.issuance().claim(id, who, "t" + thread + "-" + i).issued()) {
            issued++;
          }
        }
        return issued;
      }));
    }
    go.countDown();
    int total = 0;
    for (Future<Integer> f : futures) {
      total += f.get(60, TimeUnit.SECONDS);
    }
    assertThat(total).isEqualTo(stock);
    assertThat(store.counters(id).issued()).isEqualTo(stock);
    List<Coupon> all = store.coupons(id);
    assertThat(all).hasSize(stock);
    Map<CustomerId, Integer> perCustomer = new HashMap<>();
    all.forEach(c -> perCustomer.merge(c.holder(), 1, Integer::sum));
    assertThat(perCustomer.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(limit));
    assertThat(all.stream().map(c -> c.code().value()).distinct().count()).isEqualTo(stock);
    assertThat(coupons.campaigns().reconcile(id).problems()).isEmpty();
  }

  @Test
  public void confirm_concurrentlyOnOneReservation_exactlyOneSucceeds() throws Exception {
    CampaignId id = start(campaign("c1", aThresholdCoupon(300_00, 50_00), 10));
    Coupon coupon = claim(id, alice());
    ReserveResult.Reserved r = (ReserveResult.Reserved) coupons.redemption()
        .reserve(order("o1", alice(), 400_00), List.of(coupon.code().value()), Duration.ofMinutes(5), "res-1");
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Settlement.Status>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      futures.add(pool.submit(() -> {
        go.await();
        return coupons.redemption().confirm(r.reservationId()).status();
      }));
    }
    go.countDown();
    int confirmed = 0;
    for (Future<Settlement.Status> f : futures) {
      Settlement.Status s = f.get(30, TimeUnit.SECONDS);
      if (s == Settlement.Status.CONFIRMED) {
        confirmed++;
      } else {
        assertThat(s).isEqualTo(Settlement.Status.ALREADY_CONFIRMED);
      }
    }
    assertThat(confirmed).isEqualTo(1);
    assertThat(store.counters(id).redeemed()).isEqualTo(1);
    long redeemedEntries = store.ledger(id).stream().filter(e -> e.event() == LedgerEvent.REDEEMED).count();
    assertThat(redeemedEntries).isEqualTo(1);
  }

  @Test
  public void reserve_oneCouponFromManyOrdersAtOnce_exactlyOneHoldsIt() throws Exception {
    CampaignId id = start(campaign("c1", aThresholdCoupon(300_00, 50_00), 10));
    String code = claim(id, alice()).code().value();
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger reserved = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        go.await();
        ReserveResult r = coupons.redemption().reserve(order("o" + thread, alice(), 400_00), List.of(code),
            Duration.ofMinutes(5), "res-" + thread);
        if (r instanceof ReserveResult.Reserved ok && coupons.redemption().confirm(ok.reservationId()).status()
            == Settlement.Status.CONFIRMED) {
          reserved.incrementAndGet();
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : futures) {
      f.get(30, TimeUnit.SECONDS);
    }
    assertThat(reserved.get()).isEqualTo(1);
    assertThat(store.coupon(new CouponCode(code)).orElseThrow().status()).isEqualTo(CouponStatus.REDEEMED);
  }

  @Test
  public void confirm_oneMillisecondBeforeTtl_succeeds() {
    CampaignId id = start(campaign("c1", aThresholdCoupon(300_00, 50_00), 10));
    String code = claim(id, alice()).code().value();
    coupons.redemption().reserve(order("o1", alice(), 400_00), List.of(code), Duration.ofMinutes(5), "r1");
    clock.advance(Duration.ofMinutes(5).minusMillis(1));
    assertThat(coupons.redemption().confirm("r1").status()).isEqualTo(Settlement.Status.CONFIRMED);
  }

  @Test
  public void confirm_atTtl_failsCleanlyAndFreesTheCoupon() {
    CampaignId id = start(campaign("c1", aThresholdCoupon(300_00, 50_00), 10));
    String code = claim(id, alice()).code().value();
    coupons.redemption().reserve(order("o1", alice(), 400_00), List.of(code), Duration.ofMinutes(5), "r1");
    clock.advance(Duration.ofMinutes(5));
    assertThat(coupons.redemption().confirm("r1").status()).isEqualTo(Settlement.Status.EXPIRED);
    assertThat(store.coupon(new CouponCode(code)).orElseThrow().status()).isEqualTo(CouponStatus.AVAILABLE);
    assertThat(store.counters(id).committedDiscountFen()).isZero();
    assertThat(coupons.redemption().redeem(order("o2", alice(), 400_00), List.of(code), "r2"))
        .isInstanceOf(RedeemResult.Redeemed.class);
  }

  @Test
  public void reserve_couponHeldByExpiredReservation_takesItOver() {
    CampaignId id = start(campaign("c1", aThresholdCoupon(300_00, 50_00), 10));
    String code = claim(id, alice()).code().value();
    coupons.redemption().reserve(order("o1", alice(), 400_00), List.of(code), Duration.ofMinutes(5), "r1");
    clock.advance(Duration.ofMinutes(6));
    assertThat(coupons.redemption().reserve(order("o2", alice(), 400_00), List.of(code), Duration.ofMinutes(5),
        "r2")).isInstanceOf(ReserveResult.Reserved.class);
    assertThat(coupons.redemption().confirm("r1").status()).isEqualTo(Settlement.Status.EXPIRED);
    assertThat(coupons.redemption().confirm("r2").status()).isEqualTo(Settlement.Status.CONFIRMED);
  }

  @Test
  public void validate_oneMillisecondBeforeValidityEnd_isUsable_andAtTheEnd_isExpired() {
    CampaignId id = start(campaign("c1", aThresholdCoupon(300_00, 50_00), 10));
    Coupon c = claim(id, alice());
    Order o = order("o1", alice(), 400_00);
    clock.set(c.validUntil().minusMillis(1));
    assertThat(coupons.redemption().validate(o, List.of(c.code().value())).verdicts().get(0))
        .isInstanceOf(Verdict.Usable.class);
    clock.set(c.validUntil());
    Verdict.Unusable v = (Verdict.Unusable) coupons.redemption().validate(o, List.of(c.code().value()))
        .verdicts().get(0);
    assertThat(v.reason()).isEqualTo(Rejection.EXPIRED);
  }

  @Test
  public void reserve_twoCouponsOneAlreadyUsed_reservesNeither() {
    CampaignId a = start(campaign("ca", aThresholdCoupon(300_00, 50_00), 10));
    CampaignId b = start(campaign("cb", aThresholdCoupon(100_00, 10_00), 10));
    String first = claim(a, alice()).code().value();
    String second = claim(b, alice()).code().value();
    coupons.redemption().redeem(order("o0", alice(), 200_00), List.of(second), "used");
    ReserveResult r = coupons.redemption().reserve(order("o1", alice(), 400_00), List.of(first, second),
        Duration.ofMinutes(5), "r1");
    assertThat(r).isInstanceOf(io.github.scrm.coupons.redemption.Refused.class);
    assertThat(store.coupon(new CouponCode(first)).orElseThrow().status()).isEqualTo(CouponStatus.AVAILABLE);
    assertThat(store.counters(a).committedDiscountFen()).isZero();
  }

  @Test
  public void transfer_receiverAtTheLimit_isRefusedAndChangesNothing_underTheLimitItApplies() {
    CouponTemplate gift = CouponTemplate.builder().id("gift").name("gift").benefit(Benefit.threshold(100_00, 10_00))
        .validity(new Validity.DaysAfterIssue(3)).transferable(true).build();
    CampaignId id = start(campaign("gift", gift, 10));
    Coupon alices = claim(id, alice());
    claim(id, bob());
    Quota bobsQuota = new Quota("c:" + id.value() + ":" + bob().value(), 1, IssueOutcome.Reason.CUSTOMER_LIMIT);
    Quota carolsQuota = new Quota("c:" + id.value() + ":carol", 1, IssueOutcome.Reason.CUSTOMER_LIMIT);
    LedgerEntry entry = new LedgerEntry(id, alices.code().value(), LedgerEvent.TRANSFERRED, "t", Actor.customer(alice()),
        clock.instant(), 0, "to:x");
    int entries = store.ledger(id).size();

    TransferOutcome refused = store.transfer(alices, alices.transferredTo(bob()), bobsQuota, entry);

    assertThat(refused).isEqualTo(TransferOutcome.RECEIVER_LIMIT);
    assertThat(store.coupon(alices.code()).orElseThrow()).isEqualTo(alices);
    assertThat(store.ledger(id)).hasSize(entries);
    assertThat(store.transfer(alices, alices.transferredTo(customer("carol")), carolsQuota, entry))
        .isEqualTo(TransferOutcome.TRANSFERRED);
    assertThat(store.coupon(alices.code()).orElseThrow().holder()).isEqualTo(customer("carol"));
    assertThat(store.ledger(id)).hasSize(entries + 1);
    // the quota took the coupon: carol's own claim is over the limit
    assertThat(((IssueResult.NotIssued) coupons.issuance().claim(id, customer("carol"), "kc")).reason())
        .isEqualTo(IssueRefusal.CUSTOMER_LIMIT);
    assertThat(store.transfer(alices, alices.transferredTo(customer("dave")),
        new Quota("c:" + id.value() + ":dave", 1, IssueOutcome.Reason.CUSTOMER_LIMIT), entry))
        .isEqualTo(TransferOutcome.COUPON_CHANGED);
  }

  @Test
  public void reserve_couponTransferredAfterTheEngineChecked_isRefusedToTheFormerHolder() {
    CouponTemplate gift = CouponTemplate.builder().id("gift").name("gift").benefit(Benefit.threshold(100_00, 10_00))
        .validity(new Validity.DaysAfterIssue(3)).transferable(true).build();
    CampaignId id = start(campaign("gift", gift, 10));
    Coupon issued = claim(id, alice());
    // the engine validated alice's order, then the coupon went to bob before the store reserved it
    coupons.issuance().transfer(issued.code(), alice(), bob(), "t");
    Reservation forAlice = new Reservation("r1", "o1", alice(), List.of(new CouponUse(issued.code(), id, 10_00,
        Map.of("L0", 10_00L))), Map.of("L0", 1L), Map.of("L0", 200_00L), 200_00, clock.instant(),
        clock.instant().plus(Duration.ofMinutes(15)), Reservation.State.ACTIVE, List.of(), 0);
    LedgerEntry template = new LedgerEntry(CampaignId.of("order"), "", LedgerEvent.RESERVED, "r1",
        Actor.customer(alice()), clock.instant(), 0, "o1");

    ReserveOutcome out = store.reserve(forAlice, clock.instant(), template);

    assertThat(out).isEqualTo(new ReserveOutcome.Refused(ReserveOutcome.Reason.UNKNOWN_COUPON,
        issued.code().value()));
    Coupon after = store.coupon(issued.code()).orElseThrow();
    assertThat(after.status()).isEqualTo(CouponStatus.AVAILABLE);
    assertThat(after.holder()).isEqualTo(bob());
    assertThat(store.reservation("r1")).isEmpty();
    assertThat(store.counters(id).committedDiscountFen()).isZero();
  }

  @Test
  public void release_givesCouponsAndBudgetBack_once() {
    CampaignId id = start(campaign("c1", aThresholdCoupon(300_00, 50_00), 10));
    String code = claim(id, alice()).code().value();
    coupons.redemption().reserve(order("o1", alice(), 400_00), List.of(code), Duration.ofMinutes(5), "r1");
    assertThat(store.counters(id).committedDiscountFen()).isEqualTo(50_00);
    assertThat(coupons.redemption().cancelUnpaid("o1").status()).isEqualTo(Settlement.Status.RELEASED);
    assertThat(coupons.redemption().release("r1").status()).isEqualTo(Settlement.Status.ALREADY_RELEASED);
    assertThat(store.counters(id).committedDiscountFen()).isZero();
    assertThat(store.coupon(new CouponCode(code)).orElseThrow().status()).isEqualTo(CouponStatus.AVAILABLE);
  }

  @Test
  public void expireDue_abandonedReservation_givesItsBudgetBack_soTheNextOrderCanUseIt() {
    CampaignId id = start(tillCampaign());
    String abandoned = claim(id, alice()).code().value();
    String next = claim(id, alice()).code().value();
    coupons.redemption().reserve(order("o1", alice(), 400_00), List.of(abandoned), Duration.ofMinutes(5), "r1");
    clock.advance(Duration.ofMinutes(5));

    assertThat(coupons.campaigns().expireDue(id).applied()).isTrue();

    assertThat(store.counters(id).committedDiscountFen()).isZero();
    assertThat(store.reservation("r1").orElseThrow().state()).isEqualTo(Reservation.State.EXPIRED);
    assertThat(store.coupon(new CouponCode(abandoned)).orElseThrow().status()).isEqualTo(CouponStatus.AVAILABLE);
    assertThat(coupons.redemption().redeem(order("o2", alice(), 400_00), List.of(next), "r2"))
        .isInstanceOf(RedeemResult.Redeemed.class);
    assertThat(coupons.campaigns().expireDue(id).applied()).isFalse();
    assertThat(coupons.campaigns().reconcile(id).problems()).isEmpty();
  }

  @Test
  public void refund_full_restoresTheCouponOnce() {
    CampaignId id = start(campaign("c1", aThresholdCoupon(300_00, 50_00), 10));
    String code = claim(id, alice()).code().value();
    coupons.redemption().redeem(order("o1", alice(), 400_00), List.of(code), "r1");
    RefundResult.Refunded first = (RefundResult.Refunded) coupons.redemption().refundAll("o1", "refund-1");
    assertThat(first.restored()).extracting(CouponCode::value).containsExactly(code);
    assertThat(coupons.redemption().refundAll("o1", "refund-2")).isInstanceOf(RefundResult.NotRefundable.class);
    assertThat(coupons.redemption().refundAll("o1", "refund-1")).isEqualTo(first);
    assertThat(store.counters(id).redeemed()).isZero();
    assertThat(coupons.campaigns().reconcile(id).problems()).isEmpty();
  }

  @Test
  public void replace_withStaleVersion_doesNotApply() {
    CampaignId id = start(campaign("c1", aThresholdCoupon(300_00, 50_00), 10));
    Coupon c = claim(id, alice());
    LedgerEntry e = new LedgerEntry(id, c.code().value(), LedgerEvent.FROZEN, "f1", Actor.operator("op"),
        Fixtures.NOW, 0, "");
    assertThat(store.replace(c, c.with(CouponStatus.FROZEN, Optional.empty()), e)).isTrue();
    assertThat(store.replace(c, c.with(CouponStatus.REVOKED, Optional.empty()), e)).isFalse();
    assertThat(store.coupon(c.code()).orElseThrow().status()).isEqualTo(CouponStatus.FROZEN);
  }

  /** 满300减50 coupons whose campaign may grant 80.00 of discount in all: room for one redemption, not two. */
  private Campaign tillCampaign() {
    return io.github.scrm.coupons.campaign.ImmutableCampaign.copyOf(campaign("pos", aThresholdCoupon(300_00, 50_00),
        10, 5)).withMaxDiscountGranted(Money.fen(80_00));
  }

  @Test
  public void syncOffline_countsTheTillsDiscountAgainstTheBudget_soOnlineRedemptionsSeeIt() {
    CampaignId id = start(tillCampaign());
    String atTheTill = claim(id, alice()).code().value();
    String online = claim(id, alice()).code().value();

    List<OfflineSync.Result> synced = coupons.redemption().syncOffline(List.of(
        new OfflineSync.Use(atTheTill, "pos-1", "t1", Fixtures.NOW, Money.fen(50_00))));

    assertThat(synced).extracting(OfflineSync.Result::status).containsExactly(OfflineSync.Status.ACCEPTED);
    assertThat(store.counters(id).committedDiscountFen()).isEqualTo(50_00);
    assertThat(store.counters(id).redeemed()).isEqualTo(1);
    RedeemResult second = coupons.redemption().redeem(order("o2", alice(), 400_00), List.of(online), "r2");
    assertThat(second).isInstanceOf(io.github.scrm.coupons.redemption.Refused.class);
    assertThat(((io.github.scrm.coupons.redemption.Refused) second).reason()).isEqualTo(Rejection.BUDGET_EXHAUSTED);
    assertThat(store.counters(id).committedDiscountFen()).isEqualTo(50_00);
    assertThat(coupons.campaigns().reconcile(id).problems()).isEmpty();
  }

  @Test
  public void syncOffline_aboveTheBudget_isRecordedAnyway_andReportedOverBudget() {
    CampaignId id = start(tillCampaign());
    String a = claim(id, alice()).code().value();
    String b = claim(id, alice()).code().value();

    List<OfflineSync.Result> synced = coupons.redemption().syncOffline(List.of(
        new OfflineSync.Use(a, "pos-1", "t1", Fixtures.NOW, Money.fen(50_00)),
        new OfflineSync.Use(b, "pos-2", "t1", Fixtures.NOW, Money.fen(50_00))));

    // both discounts were granted at the till: both coupons are used and both discounts counted
    assertThat(synced).extracting(OfflineSync.Result::status).containsExactly(OfflineSync.Status.ACCEPTED,
        OfflineSync.Status.OVER_BUDGET);
    assertThat(store.counters(id).committedDiscountFen()).isEqualTo(100_00);
    assertThat(store.counters(id).redeemed()).isEqualTo(2);
    assertThat(store.coupon(new CouponCode(b)).orElseThrow().status()).isEqualTo(CouponStatus.REDEEMED);
  }

  @Test
  public void redeemOffline_withStaleVersion_changesNothing() {
    CampaignId id = start(campaign("c1", aThresholdCoupon(300_00, 50_00), 10));
    Coupon c = claim(id, alice());
    LedgerEntry frozen = new LedgerEntry(id, c.code().value(), LedgerEvent.FROZEN, "f1", Actor.operator("op"),
        Fixtures.NOW, 0, "");
    assertThat(store.replace(c, c.with(CouponStatus.FROZEN, Optional.empty()), frozen)).isTrue();
    LedgerEntry redeemed = new LedgerEntry(id, c.code().value(), LedgerEvent.REDEEMED, "offline:o1:x",
        Actor.system("pos:t1"), Fixtures.NOW, 50_00, "o1");

    boolean applied = store.redeemOffline(c, c.with(CouponStatus.REDEEMED, Optional.of("offline:o1")), 50_00,
        redeemed);

    assertThat(applied).isFalse();
    assertThat(store.coupon(c.code()).orElseThrow().status()).isEqualTo(CouponStatus.FROZEN);
    assertThat(store.counters(id).committedDiscountFen()).isZero();
    assertThat(store.counters(id).redeemed()).isZero();
    assertThat(store.ledger(id)).noneMatch(e -> e.event() == LedgerEvent.REDEEMED);
  }

  @Test
  public void changeStatus_fromWrongStatus_doesNotApply() {
    CampaignId id = start(campaign("c1", aThresholdCoupon(300_00, 50_00), 10));
    LedgerEntry e = new LedgerEntry(id, "", LedgerEvent.PAUSED, "p", Actor.system("t"), Fixtures.NOW, 0, "");
    assertThat(store.changeStatus(id, CampaignStatus.PAUSED, CampaignStatus.ACTIVE, e)).isFalse();
    assertThat(store.changeStatus(id, CampaignStatus.ACTIVE, CampaignStatus.PAUSED, e)).isTrue();
    assertThat(store.status(id)).contains(CampaignStatus.PAUSED);
    assertThat(store.createCampaign(campaign("c1", aThresholdCoupon(300_00, 50_00), 10), CampaignStatus.ACTIVE, e))
        .isFalse();
  }

  @Test
  public void reserveAndConfirm_manyThreadsManyCoupons_eachCouponRedeemedOnce() throws Exception {
    CampaignId id = start(campaign("c1", aThresholdCoupon(300_00, 50_00), 1_000, 1_000));
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      codes.add(claim(id, alice()).code().value());
    }
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger confirmed = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < codes.size(); i++) {
          String code = codes.get((i + thread * 7) % codes.size());
          ReserveResult r = coupons.redemption().reserve(order("o-" + thread + "-" + i, alice(), 400_00),
              List.of(code), Duration.ofMinutes(5), "r-" + thread + "-" + i);
          if (r instanceof ReserveResult.Reserved ok
              && coupons.redemption().confirm(ok.reservationId()).status() == Settlement.Status.CONFIRMED) {
            confirmed.incrementAndGet();
          }
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : futures) {
      f.get(60, TimeUnit.SECONDS);
    }
    assertThat(confirmed.get()).isEqualTo(codes.size());
    assertThat(store.counters(id).redeemed()).isEqualTo(codes.size());
    assertThat(coupons.campaigns().reconcile(id).problems()).isEmpty();
  }

  @Test
  public void ledger_recordsEveryChangeWithKeyActorAndInstant() {
    CampaignId id = start(campaign("c1", aThresholdCoupon(300_00, 50_00), 10));
    String code = claim(id, alice()).code().value();
    coupons.redemption().redeem(order("o1", alice(), 400_00), List.of(code), "r1");
    List<LedgerEvent> events = store.ledger(id).stream().map(LedgerEntry::event).toList();
    assertThat(events).containsExactly(LedgerEvent.CAMPAIGN_CREATED, LedgerEvent.CLAIMED, LedgerEvent.RESERVED,
        LedgerEvent.REDEEMED);
    assertThat(store.ledger(id)).allSatisfy(e -> {
      assertThat(e.idempotencyKey()).isNotBlank();
      assertThat(e.at()).isEqualTo(Fixtures.NOW);
    });
  }
}
