package io.github.scrm.coupons.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.ledger.Actor;
import io.github.scrm.coupons.ledger.LedgerEntry;
import io.github.scrm.coupons.ledger.LedgerEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class LedgerLogTest {
  private static final Instant T0 = Instant.parse("2026-05-20T02:00:00Z");

  @Test
  void snapshot_givesBackEveryFieldOfEveryEntry_inAppendOrder_acrossChunks() {
    LedgerLog log = new LedgerLog();
    List<LedgerEntry> written = new ArrayList<>();
    LedgerEvent[] events = LedgerEvent.values();
    for (int i = 0; i < 10_000; i++) {
      Actor actor = switch (i % 3) {
        case 0 -> Actor.customer(CustomerId.of("c" + i));
        case 1 -> Actor.operator("op" + i);
        default -> Actor.system("sys");
      };
      LedgerEntry e = new LedgerEntry(CampaignId.of("camp" + (i % 2)), i % 5 == 0 ? "" : "CODE" + i,
          events[i % events.length], "key" + i, actor, T0.plusMillis(i), i * 100L - 7, i % 4 == 0 ? "" : "ref" + i);
      log.add(e);
      written.add(e);
    }
    assertThat(log.snapshot()).isEqualTo(written);
  }

  @Test
  void concurrentAppends_eachAppearOnce_inEachWritersOrder_whileReadersRead() throws Exception {
    LedgerLog log = new LedgerLog();
    int writers = 4;
    int perWriter = 20_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int id = w;
      threads.add(new Thread(() -> {
        await(start);
        for (int i = 0; i < perWriter; i++) {
          log.add(new LedgerEntry(CampaignId.of("camp"), "W" + id, LedgerEvent.CLAIMED, "k", Actor.system("w"), T0,
              i, ""));
        }
      }));
    }
    AtomicInteger shrank = new AtomicInteger();
    Thread reader = new Thread(() -> {
      await(start);
      int last = 0;
      for (int r = 0; r < 20; r++) {
        int size = log.snapshot().size();
        if (size < last) {
          shrank.incrementAndGet();
        }
        last = size;
      }
    });
    threads.forEach(Thread::start);
    reader.start();
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    reader.join();
    List<LedgerEntry> all = log.snapshot();
    assertThat(all).hasSize(writers * perWriter);
    long[] next = new long[writers];
    for (LedgerEntry e : all) {
      int w = e.code().charAt(1) - '0';
      assertThat(e.amountFen()).as("writer %d's order", w).isEqualTo(next[w]);
      next[w]++;
    }
    assertThat(shrank).hasValue(0);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
