package io.github.scrm.coupons.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class AppendLogTest {

  @Test
  void snapshot_keepsAppendOrder_acrossChunkBoundaries() {
    AppendLog<Integer> log = new AppendLog<>();
    int n = 140_000;
    for (int i = 0; i < n; i++) {
      log.add(i);
    }
    List<Integer> all = log.snapshot();
    assertThat(all).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(all.get(i)).isEqualTo(i);
    }
  }

  @Test
  void slots_areContiguousAndDistinct() {
    int previousChunk = 0;
    int previousOffset = -1;
    for (long i = 0; i < 400_000; i++) {
      int chunk = AppendLog.chunkIndex(i);
      int offset = AppendLog.offset(i);
      if (chunk == previousChunk) {
        assertThat(offset).as("slot %d", i).isEqualTo(previousOffset + 1);
      } else {
        assertThat(chunk).as("slot %d", i).isEqualTo(previousChunk + 1);
        assertThat(offset).as("slot %d", i).isZero();
      }
      previousChunk = chunk;
      previousOffset = offset;
    }
  }

  @Test
  void concurrentAppends_eachAppearOnce_inEachWritersOrder_whileReadersRead() throws Exception {
    AppendLog<long[]> log = new AppendLog<>();
    int writers = 4;
    int perWriter = 50_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      long id = w;
      threads.add(new Thread(() -> {
        await(start);
        for (int i = 0; i < perWriter; i++) {
          log.add(new long[] {id, i});
        }
      }));
    }
    List<Integer> seenSizes = new ArrayList<>();
    AtomicInteger nullsSeen = new AtomicInteger();
    Thread reader = new Thread(() -> {
      await(start);
      for (int r = 0; r < 20; r++) {
        List<long[]> s = log.snapshot();
        for (long[] e : s) {
          if (e == null) {
            nullsSeen.incrementAndGet();
          }
        }
        seenSizes.add(s.size());
      }
    });
    threads.forEach(Thread::start);
    reader.start();
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    reader.join();
    List<long[]> all = log.snapshot();
    assertThat(all).hasSize(writers * perWriter);
    long[] next = new long[writers];
    Set<String> distinct = new HashSet<>();
    for (long[] e : all) {
      assertThat(e[1]).as("writer %d's order", e[0]).isEqualTo(next[(int) e[0]]);
      next[(int) e[0]]++;
      distinct.add(e[0] + ":" + e[1]);
    }
    assertThat(distinct).hasSize(writers * perWriter);
    assertThat(nullsSeen).hasValue(0);
    assertThat(seenSizes).hasSize(20).isSorted();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
