package io.github.scrm.core;

import static io.github.scrm.core.Fixtures.daysAgo;
import static io.github.scrm.core.Fixtures.member;
import static io.github.scrm.core.Fixtures.unionid;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.event.IngestOutcome;
import io.github.scrm.core.spi.ProfileStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class ConcurrentIngestionTest {

  @Test
  void ingest_manyThreadsWithMergingEvents_losesNoPurchase() throws Exception {
    // each round is a few milliseconds; the interleavings that split a customer are rare, so many rounds look for them
    for (int round = 0; round < 40; round++) {
      ingestFromFourThreads();
    }
  }

  private void ingestFromFourThreads() throws Exception {
    ProfileStore store = ProfileStore.inMemory();
    Scrm scrm = TestScrm.builder().profileStore(store).build();
    int threads = 4;
    int customers = 20;
    int perThread = 400;
    AtomicLong accepted = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perThread; i++) {
            int c = (i * 7 + thread) % customers;
            // every third event links the member number to the unionid of the same person: merges race with
            // ingestions that arrive through either identifier alone
            var ids = i % 3 == 0 ? new io.github.scrm.core.identity.Identifier[] {member("M" + c), unionid("U" + c)}
                : i % 3 == 1 ? new io.github.scrm.core.identity.Identifier[] {member("M" + c)}
                : new io.github.scrm.core.identity.Identifier[] {unionid("U" + c)};
            var outcome = scrm.ingest(Fixtures.purchase("e-" + thread + "-" + i, daysAgo(1), 1_00, ids));
            if (outcome instanceof IngestOutcome.Accepted) {
              accepted.incrementAndGet();
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(accepted.get()).isEqualTo((long) threads * perThread);
    AtomicLong orders = new AtomicLong();
    store.forEach(p -> orders.addAndGet(p.attributesAt(Fixtures.NOW).get(StandardAttributes.ORDERS)));
    assertThat(orders.get()).isEqualTo((long) threads * perThread);
    for (int c = 0; c < customers; c++) {
      assertThat(scrm.profile(member("M" + c)).orElseThrow().id())
          .isEqualTo(scrm.profile(unionid("U" + c)).orElseThrow().id());
    }
    assertThat(store.size()).isEqualTo(customers);
  }
}
