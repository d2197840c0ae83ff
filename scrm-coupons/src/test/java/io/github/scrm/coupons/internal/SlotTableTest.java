package io.github.scrm.coupons.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class SlotTableTest {

  @Test
  void putIfAbsent_newKey_insertsAndFindsIt_existingKey_keepsTheFirstValue() {
    SlotTable<String> table = new SlotTable<>(4);
    long first = table.putIfAbsent("a", "one");
    long again = table.putIfAbsent("a", "two");
    assertThat(SlotTable.existed(first)).isFalse();
    assertThat(SlotTable.existed(again)).isTrue();
    assertThat(SlotTable.slot(again)).isEqualTo(first);
    assertThat(table.get("a")).isEqualTo("one");
    assertThat(table.find("b")).isEqualTo(-1);
    assertThat(table.get("b")).isNull();
  }

  @Test
  void compareAndSet_appliesOnlyOnTheExpectedValue_andAnEmptySlotCanBeRefilled() {
    SlotTable<String> table = new SlotTable<>(4);
    long slot = table.putIfAbsent("k", "v1");
    assertThat(table.compareAndSet(slot, "other", "v2")).isFalse();
    assertThat(table.compareAndSet(slot, table.value(slot), "v2")).isTrue();
    table.set(slot, null);
    assertThat(table.get("k")).isNull();
    assertThat(SlotTable.existed(table.putIfAbsent("k", "v3"))).isTrue();
    assertThat(table.compareAndSet(slot, null, "v3")).isTrue();
    assertThat(table.get("k")).isEqualTo("v3");
  }

  @Test
  void manyKeys_growFarBeyondTheExpectedSize_andAllStayFindable() {
    SlotTable<Integer> table = new SlotTable<>(0);
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      assertThat(SlotTable.existed(table.putIfAbsent("key-" + i, i))).isFalse();
    }
    for (int i = 0; i < n; i++) {
      assertThat(table.get("key-" + i)).isEqualTo(i);
    }
    assertThat(table.find("key-" + n)).isEqualTo(-1);
  }

  @Test
  void concurrentPutsOfOverlappingKeys_insertEachKeyOnce_whileReadersFindEveryCompletedPut() throws Exception {
    SlotTable<AtomicLong> table = new SlotTable<>(16);
    int writers = 4;
    int keys = 60_000;
    AtomicInteger inserted = new AtomicInteger();
    AtomicInteger lost = new AtomicInteger();
    AtomicInteger published = new AtomicInteger(-1);
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      threads.add(new Thread(() -> {
        await(start);
        for (int i = 0; i < keys; i++) {
          long r = table.putIfAbsent("k" + i, new AtomicLong());
          if (!SlotTable.existed(r)) {
            inserted.incrementAndGet();
          }
          // every writer counts on the one value that won the key
          table.value(SlotTable.slot(r)).incrementAndGet();
          if (i % 1_000 == 0) {
            published.accumulateAndGet(i, Math::max);
          }
        }
      }));
    }
    Thread reader = new Thread(() -> {
      await(start);
      for (int round = 0; round < 200; round++) {
        int upTo = published.get();
        for (int i = 0; i <= upTo; i += 97) {
          if (table.get("k" + i) == null) {
            lost.incrementAndGet();
          }
        }
      }
    });
    threads.forEach(Thread::start);
    reader.start();
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    reader.join();
    assertThat(inserted).hasValue(keys);
    assertThat(lost).hasValue(0);
    for (int i = 0; i < keys; i++) {
      assertThat(table.get("k" + i)).as("key k%d", i).hasValue(writers);
    }
  }

  @Test
  void concurrentCompareAndSet_onOneSlot_losesNoIncrement() throws Exception {
    SlotTable<Long> table = new SlotTable<>(1);
    long slot = table.putIfAbsent("counter", 0L);
    int threads = 4;
    int each = 20_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> all = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      all.add(new Thread(() -> {
        await(start);
        for (int i = 0; i < each; i++) {
          while (true) {
            Long v = table.value(slot);
            if (table.compareAndSet(slot, v, v + 1)) {
              break;
            }
          }
          // new keys make segments grow while the slot is being changed
          table.putIfAbsent(Thread.currentThread().getName() + i, 0L);
        }
      }));
    }
    all.forEach(Thread::start);
    start.countDown();
    for (Thread t : all) {
      t.join();
    }
    assertThat(table.value(slot)).isEqualTo((long) threads * each);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
