package io.github.scrm.core.spi;

import static io.github.scrm.core.Fixtures.daysAgo;
import static io.github.scrm.core.Fixtures.member;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.Fixtures;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CustomerEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link EventLog} must have. A host's implementation extends this class (from the scrm-core tests
 * jar) and returns a fresh, empty log from {@link #newLog()}.
 */
public abstract class EventLogContract {

  /** A new, empty log. */
  protected abstract EventLog newLog();

  private static final CustomerId A = CustomerId.of("c-a");
  private static final CustomerId B = CustomerId.of("c-b");

  private static CustomerEvent event(String id) {
    return Fixtures.purchase(id, daysAgo(1), 10_00, member("M1"));
  }

  @Test
  void append_sameIdTwice_recordsOnceForTheFirstOwner() {
    EventLog log = newLog();
    assertThat(log.append(A, event("e1"))).isTrue();
    assertThat(log.append(B, event("e1"))).isFalse();
    assertThat(log.ownerOf("e1")).contains(A);
    assertThat(log.eventsOf(A)).extracting(CustomerEvent::eventId).containsExactly("e1");
    assertThat(log.eventsOf(B)).isEmpty();
  }

  @Test
  void append_idOfTheLongestLengthTheEventSchemaAllows_isRecordedAndStaysADuplicate() {
    String id = "e".repeat(256); // eventId: 1 to 256 characters; a log must keep every id an event may carry
    CustomerEvent event = Fixtures.purchase(id, "order-1", daysAgo(1), 10_00, "Nike", member("M1"));
    EventLog log = newLog();
    assertThat(log.append(A, event)).isTrue();
    assertThat(log.append(B, event)).isFalse();
    assertThat(log.ownerOf(id)).contains(A);
    assertThat(log.eventsOf(A)).containsExactly(event);
  }

  @Test
  void eventsOf_returnsAppendOrderAndEqualEvents() {
    EventLog log = newLog();
    log.append(A, event("e2"));
    log.append(A, event("e1"));
    log.append(B, event("e3"));
    assertThat(log.eventsOf(A)).containsExactly(event("e2"), event("e1"));
    assertThat(log.ownerOf("missing")).isEmpty();
  }

  @Test
  void reassign_movesTheEventToTheNewOwner() {
    EventLog log = newLog();
    log.append(A, event("e1"));
    log.append(A, event("e2"));
    log.reassign("e1", B);
    assertThat(log.ownerOf("e1")).contains(B);
    assertThat(log.eventsOf(A)).extracting(CustomerEvent::eventId).containsExactly("e2");
    assertThat(log.eventsOf(B)).extracting(CustomerEvent::eventId).containsExactly("e1");
  }

  @Test
  void erase_deletesEventsButKeepsTheirIdsAsDuplicates() {
    EventLog log = newLog();
    log.append(A, event("e1"));
    log.append(A, event("e2"));
    assertThat(log.erase(A)).isEqualTo(2);
    assertThat(log.eventsOf(A)).isEmpty();
    assertThat(log.append(A, event("e1"))).isFalse();
  }

  @Test
  void forEach_visitsEveryEventOnceWithItsOwner() {
    EventLog log = newLog();
    log.append(A, event("e1"));
    log.append(B, event("e2"));
    List<String> seen = new ArrayList<>();
    log.forEach((owner, e) -> seen.add(owner + "/" + e.eventId()));
    assertThat(seen).containsExactlyInAnyOrder("c-a/e1", "c-b/e2");
  }

  @Test
  void append_sameIdFromManyThreads_exactlyOneWins() throws Exception {
    EventLog log = newLog();
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 100; round++) {
        String id = "e-" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          CustomerId owner = CustomerId.of("c-" + t);
          results.add(pool.submit(() -> {
            start.await();
            return log.append(owner, event(id));
          }));
        }
        start.countDown();
        int wins = 0;
        for (Future<Boolean> r : results) {
          wins += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(wins).as("appends of %s that won", id).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
