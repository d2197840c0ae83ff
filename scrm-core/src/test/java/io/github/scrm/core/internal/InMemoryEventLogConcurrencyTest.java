package io.github.scrm.core.internal;

import static io.github.scrm.core.Fixtures.daysAgo;
import static io.github.scrm.core.Fixtures.member;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.Fixtures;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.spi.EventLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/** Several threads at once on overlapping ids and owners: nothing lost, nothing doubled, each append once. */
final class InMemoryEventLogConcurrencyTest {

  private static final int THREADS = 4;
  private static final int OWNERS = 6;

  private static CustomerId owner(int n) {
    return CustomerId.of("c-" + n);
  }

  private static CustomerEvent event(int n) {
    return Fixtures.purchase("e-" + n, daysAgo(n % 30), 1_00 + n, member("M" + n % 50));
  }

  private static void runTogether(List<Callable<Void>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Void>> running = new ArrayList<>();
      for (Callable<Void> task : tasks) {
        running.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      for (Future<Void> f : running) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Every event id is in exactly one owner's events, that owner is its {@code ownerOf}, and the event is intact. */
  private static void assertEachOnceWhereOwned(EventLog log, int ids) {
    Map<String, CustomerId> seen = new HashMap<>();
    for (int o = 0; o < OWNERS; o++) {
      for (CustomerEvent e : log.eventsOf(owner(o))) {
        assertThat(seen.put(e.eventId(), owner(o))).as("%s seen twice", e.eventId()).isNull();
        assertThat(e).isEqualTo(event(Integer.parseInt(e.eventId().substring(2))));
      }
    }
    assertThat(seen).hasSize(ids);
    seen.forEach((id, where) -> assertThat(log.ownerOf(id)).as("owner of %s", id).contains(where));
  }

  private static void appendOverlappingIds(ToLongFunction<String> fingerprint, int ids) throws Exception {
    EventLog log = new InMemoryEventLog(fingerprint, new TextDictionary());
    AtomicIntegerArray wins = new AtomicIntegerArray(ids);
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      tasks.add(() -> {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ids; i++) {
          order.add(i);
        }
        Collections.shuffle(order, new Random(thread));
        for (int i : order) {
          if (log.append(owner(thread), event(i))) {
            wins.incrementAndGet(i);
          }
        }
        return null;
      });
    }
    runTogether(tasks);
    for (int i = 0; i < ids; i++) {
      assertThat(wins.get(i)).as("appends of e-%d that won", i).isEqualTo(1);
    }
    assertEachOnceWhereOwned(log, ids);
  }

  @Test
  void append_overlappingIdsFromManyThreads_eachIdWinsExactlyOnce() throws Exception {
    appendOverlappingIds(FingerprintTable::fingerprint, 3_000);
  }

  @Test
  void append_overlappingIdsWithCollidingFingerprints_eachIdWinsExactlyOnce() throws Exception {
    appendOverlappingIds(id -> id.length(), 400);
  }

  @Test
  void append_toTheSameNewCustomersFromManyThreads_keepsOneStreamPerCustomer() throws Exception {
    EventLog log = new InMemoryEventLog(id -> id.length() % 3, new TextDictionary());
    int customers = 300;
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      tasks.add(() -> {
        for (int c = 0; c < customers; c++) {
          log.append(CustomerId.of("new-" + c), event(thread * customers + c));
        }
        return null;
      });
    }
    runTogether(tasks);
    for (int c = 0; c < customers; c++) {
      List<Integer> expected = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        expected.add(t * customers + c);
      }
      assertThat(log.eventsOf(CustomerId.of("new-" + c))).as("events of new-%d", c)
          .extracting(e -> Integer.parseInt(e.eventId().substring(2)))
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void reassignAndAppend_atOnce_loseAndDoubleNothing() throws Exception {
    EventLog log = EventLog.inMemory();
    int existing = 1_000;
    int fresh = 1_000;
    for (int i = 0; i < existing; i++) {
      log.append(owner(i % OWNERS), event(i));
    }
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int thread = t;
      tasks.add(() -> {
        Random random = new Random(thread);
        for (int k = 0; k < 4_000; k++) {
          log.reassign("e-" + random.nextInt(existing), owner(random.nextInt(OWNERS)));
        }
        return null;
      });
      tasks.add(() -> {
        for (int i = existing + thread; i < existing + fresh; i += 2) {
          assertThat(log.append(owner(i % OWNERS), event(i))).isTrue();
          assertThat(log.append(owner(0), event(i - existing))).isFalse();
        }
        return null;
      });
    }
    runTogether(tasks);
    assertEachOnceWhereOwned(log, existing + fresh);
  }

  @Test
  void forEach_whileEventsAreReassigned_visitsEachEventExactlyOnce() throws Exception {
    EventLog log = EventLog.inMemory();
    int ids = 600;
    for (int i = 0; i < ids; i++) {
      log.append(owner(i % OWNERS), event(i));
    }
    AtomicBoolean walking = new AtomicBoolean(true);
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int thread = t;
      tasks.add(() -> {
        Random random = new Random(thread);
        while (walking.get()) {
          log.reassign("e-" + random.nextInt(ids), owner(random.nextInt(OWNERS)));
        }
        return null;
      });
    }
    tasks.add(() -> {
      try {
        for (int pass = 0; pass < 300; pass++) {
          Map<String, Integer> visits = new HashMap<>();
          log.forEach((owner, e) -> visits.merge(e.eventId(), 1, Integer::sum));
          assertThat(visits).as("pass %d", pass).hasSize(ids).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        }
      } finally {
        walking.set(false);
      }
      return null;
    });
    runTogether(tasks);
    assertEachOnceWhereOwned(log, ids);
  }

  @Test
  void eraseReassignAndAppend_atOnce_keepEveryIdAndNeverDoubleAnEvent() throws Exception {
    EventLog log = EventLog.inMemory();
    int ids = 1_500;
    AtomicIntegerArray wins = new AtomicIntegerArray(ids);
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int thread = t;
      tasks.add(() -> {
        for (int i = 0; i < ids; i++) {
          int n = thread == 0 ? i : ids - 1 - i;
          if (log.append(owner(n % OWNERS), event(n))) {
            wins.incrementAndGet(n);
          }
        }
        return null;
      });
    }
    tasks.add(() -> {
      Random random = new Random(7);
      for (int k = 0; k < 3_000; k++) {
        String id = "e-" + random.nextInt(ids);
        if (log.ownerOf(id).isPresent()) {
          log.reassign(id, owner(random.nextInt(OWNERS)));
        }
      }
      return null;
    });
    tasks.add(() -> {
      for (int k = 0; k < 200; k++) {
        log.erase(owner(k % 2));
      }
      return null;
    });
    runTogether(tasks);
    Map<String, CustomerId> seen = new HashMap<>();
    for (int o = 0; o < OWNERS; o++) {
      for (CustomerEvent e : log.eventsOf(owner(o))) {
        assertThat(seen.put(e.eventId(), owner(o))).as("%s seen twice", e.eventId()).isNull();
        assertThat(log.ownerOf(e.eventId())).contains(owner(o));
      }
    }
    for (int i = 0; i < ids; i++) {
      assertThat(wins.get(i)).as("appends of e-%d that won", i).isEqualTo(1);
      assertThat(log.ownerOf("e-" + i)).as("owner of e-%d", i).isPresent();
      assertThat(log.append(owner(5), event(i))).as("re-sent e-%d", i).isFalse();
    }
  }
}
