package io.github.scrm.coupons.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.campaign.Coupon;
import io.github.scrm.coupons.campaign.CouponStatus;
import io.github.scrm.coupons.code.CouponCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

final class WalletsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final SlotTable<Coupon> coupons = new SlotTable<>(16, true);
  private final Wallets wallets = new Wallets(coupons, 4);

  @Test
  void issued_listsEachCustomersCouponsInIssueOrder() {
    issue("A1", "alice", 0);
    issue("B1", "bob", 1);
    issue("A2", "alice", 2);
    assertThat(codes(wallets.of(CustomerId.of("alice")))).containsExactly("A1", "A2");
    assertThat(codes(wallets.of(CustomerId.of("bob")))).containsExactly("B1");
    assertThat(wallets.of(CustomerId.of("carol"))).isEmpty();
  }

  @Test
  void transferred_movesTheCouponToTheReceiversWallet_inIssueOrder() {
    issue("A1", "alice", 0);
    issue("B1", "bob", 1);
    issue("B2", "bob", 3);
    long slot = coupons.find("A1");
    Coupon a1 = coupons.value(slot);
    coupons.set(slot, a1.transferredTo(CustomerId.of("bob")));
    wallets.transferred(CustomerId.of("bob"), "A1");
    assertThat(wallets.of(CustomerId.of("alice"))).isEmpty();
    assertThat(codes(wallets.of(CustomerId.of("bob")))).containsExactly("A1", "B1", "B2");
  }

  @Test
  void concurrentIssues_toFewCustomers_listEveryCouponOnceInItsHoldersWallet() throws Exception {
    int threads = 4;
    int each = 5_000;
    int customers = 3;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> all = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      all.add(new Thread(() -> {
        await(start);
        for (int i = 0; i < each; i++) {
          issue("T" + id + "-" + i, "c" + (i % customers), i);
        }
      }));
    }
    all.forEach(Thread::start);
    start.countDown();
    for (Thread t : all) {
      t.join();
    }
    int total = 0;
    for (int c = 0; c < customers; c++) {
      List<String> codes = codes(wallets.of(CustomerId.of("c" + c)));
      assertThat(codes).doesNotHaveDuplicates();
      for (String code : codes) {
        int i = Integer.parseInt(code.substring(code.indexOf('-') + 1));
        assertThat(i % customers).as("holder of %s", code).isEqualTo(c);
      }
      total += codes.size();
    }
    assertThat(total).isEqualTo(threads * each);
  }

  private void issue(String code, String holder, int second) {
    Coupon c = new Coupon(new CouponCode(code), CampaignId.of("camp"), "claim", CustomerId.of(holder),
        T0.plusSeconds(second), T0, T0.plusSeconds(86_400), CouponStatus.AVAILABLE, Optional.empty(), false, false, 0);
    long put = coupons.putIfAbsent(code, c);
    assertThat(SlotTable.existed(put)).isFalse();
    wallets.issued(c.holder(), put);
  }

  private static List<String> codes(List<Coupon> coupons) {
    return coupons.stream().map(c -> c.code().value()).toList();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
