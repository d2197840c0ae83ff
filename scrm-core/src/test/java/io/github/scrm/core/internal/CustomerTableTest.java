package io.github.scrm.core.internal;

import static io.github.scrm.core.Fixtures.daysAgo;
import static io.github.scrm.core.Fixtures.member;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.Fixtures;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.profile.CustomerProfile;
import io.github.scrm.core.spi.EventLog;
import io.github.scrm.core.spi.IdentityIndex;
import io.github.scrm.core.spi.ProfileStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class CustomerTableTest {

  private static final CustomerId C1 = CustomerId.of("c-1");
  private static final CustomerId C2 = CustomerId.of("c-2");
  private static final Identifier M1 = member("M1");

  private final CustomerTable table = CustomerTable.create();
  private final ProfileStore store = table.profileStore();
  private final IdentityIndex index = table.identityIndex();

  @Test
  void sharedBy_recognisesOnlyTheViewsOfOneTable() {
    assertThat(CustomerTable.sharedBy(store, index)).isSameAs(table);
    assertThat(CustomerTable.sharedBy(store, CustomerTable.create().identityIndex())).isNull();
    assertThat(CustomerTable.sharedBy(ProfileStore.inMemory(), IdentityIndex.inMemory())).isNull();
  }

  @Test
  void profileOf_followsTheBindingToTheStoredProfile() {
    assertThat(table.profileOf(M1)).isEmpty();
    index.bindIfAbsent(M1, C1);
    assertThat(table.profileOf(M1)).as("bound, but no profile stored yet").isEmpty();
    store.update(C1, p -> p.with(Fixtures.joined("e1", daysAgo(3), M1)));
    assertThat(table.profileOf(M1)).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(C1));

    index.bind(M1, C2);
    assertThat(table.profileOf(M1)).as("rebound to a customer without a profile").isEmpty();
    store.put(CustomerProfile.empty(C2).with(Fixtures.joined("e2", daysAgo(2), M1)));
    assertThat(table.profileOf(M1)).hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(C2));
  }

  @Test
  void removedProfile_staysReachableWhenStoredAgain() {
    index.bindIfAbsent(M1, C1);
    store.put(CustomerProfile.empty(C1));
    assertThat(store.remove(C1)).isTrue();
    assertThat(table.profileOf(M1)).isEmpty();
    assertThat(store.size()).isZero();
    store.update(C1, p -> p.with(Fixtures.joined("e1", daysAgo(1), M1)));
    assertThat(table.profileOf(M1)).hasValueSatisfying(p -> assertThat(p.eventCount()).isEqualTo(1));
    assertThat(store.size()).isEqualTo(1);
    List<CustomerProfile> seen = new ArrayList<>();
    store.forEach(seen::add);
    assertThat(seen).extracting(CustomerProfile::id).containsExactly(C1);
  }

  @Test
  void unbind_throughTheHandle_onlyRemovesItsOwnBinding() {
    CustomerTable.Slot s1 = table.bindIfAbsent(M1, C1);
    CustomerTable.Slot s2 = table.bindIfAbsent(member("M2"), C2);
    table.unbind(M1, s2);
    assertThat(index.find(M1)).contains(C1);
    table.unbind(M1, s1);
    assertThat(index.find(M1)).isEmpty();
  }

  @Test
  void concurrentUpdates_throughHandleAndStore_loseNothing() throws Exception {
    CustomerTable.Slot slot = table.bindIfAbsent(M1, C1);
    int threads = 4;
    int perThread = 2_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            var event = Fixtures.joined("e-" + thread + "-" + i, daysAgo(1), M1);
            if (thread % 2 == 0) {
              table.update(slot, p -> p.with(event));
            } else {
              store.update(C1, p -> p.with(event));
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(table.profileOf(M1)).hasValueSatisfying(
        p -> assertThat(p.eventCount()).isEqualTo(threads * perThread));
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void bufferedEvents_areInEveryRead_andGoneWhenTheProfileIsReplacedOrRemoved() {
    CustomerTable.Slot slot = table.bindIfAbsent(M1, C1);
    table.apply(slot, Fixtures.joined("e1", daysAgo(9), M1));
    table.apply(slot, Fixtures.groupMessage("e2", daysAgo(2), M1));
    table.apply(slot, Fixtures.groupMessage("e3", daysAgo(1), M1));
    assertThat(slot.size()).as("group messages wait in the slot's buffer").isEqualTo(2);

    assertThat(table.profileOf(M1)).hasValueSatisfying(p -> assertThat(p.actionCount()).isEqualTo(2));
    assertThat(slot.isEmpty()).as("a read folds the buffer into the stored profile").isTrue();
    table.apply(slot, Fixtures.groupMessage("e4", daysAgo(1), M1));
    assertThat(store.find(C1)).hasValueSatisfying(p -> assertThat(p.eventCount()).isEqualTo(4));
    table.apply(slot, Fixtures.groupMessage("e5", daysAgo(1), M1));
    List<CustomerProfile> seen = new ArrayList<>();
    store.forEach(seen::add);
    assertThat(seen).extracting(CustomerProfile::eventCount).containsExactly(5);
    table.apply(slot, Fixtures.groupMessage("e6", daysAgo(1), M1));
    assertThat(table.update(slot, p -> p).eventCount()).isEqualTo(6);

    table.apply(slot, Fixtures.groupMessage("e7", daysAgo(1), M1));
    store.put(CustomerProfile.empty(C1));
    assertThat(store.find(C1)).hasValueSatisfying(p -> assertThat(p.eventCount()).isZero());
    table.apply(slot, Fixtures.groupMessage("e8", daysAgo(1), M1));
    assertThat(store.remove(C1)).isTrue();
    assertThat(store.find(C1)).isEmpty();
    table.apply(slot, Fixtures.groupMessage("e9", daysAgo(1), M1));
    assertThat(store.find(C1)).as("applied to a new empty profile, without e8")
        .hasValueSatisfying(p -> assertThat(p.eventCount()).isEqualTo(1));
  }

  @Test
  void concurrentBufferedEventsUpdatesAndReads_loseNothing_andReadsSeeEveryFinishedWrite() throws Exception {
    CustomerTable.Slot slot = table.bindIfAbsent(M1, C1);
    table.apply(slot, Fixtures.joined("e-0", daysAgo(30), M1));
    int writers = 3;
    int perWriter = 20_000;
    // counted after each write returns: a read that starts later must see at least that many events
    AtomicInteger finished = new AtomicInteger(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < writers; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < perWriter; i++) {
            var at = daysAgo(i % 20);
            if (thread == 0 && i % 3 == 0) {
              var joined = Fixtures.joined("j-" + i, at, M1);
              store.update(C1, p -> p.with(joined));
            } else {
              table.apply(slot, Fixtures.groupMessage("g-" + thread + "-" + i, at, M1));
            }
            finished.incrementAndGet();
          }
        }));
      }
      AtomicBoolean written = new AtomicBoolean();
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        readers.add(pool.submit(() -> {
          int reads = 0;
          while (!written.get()) {
            int floor = finished.get();
            int count = table.profileOf(M1).orElseThrow().eventCount();
            assertThat(count).as("a read started after " + floor + " writes had finished")
                .isGreaterThanOrEqualTo(floor);
            reads++;
          }
          return reads;
        }));
      }
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
      written.set(true);
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(30, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
    CustomerProfile last = store.find(C1).orElseThrow();
    assertThat(last.eventCount()).isEqualTo(1 + writers * perWriter);
    int joins = (perWriter + 2) / 3; // thread 0's every third write
    assertThat(last.actionCount()).isEqualTo(writers * perWriter - joins);
  }

  @Test
  void ingestion_appendsThroughTheSlotsStream_toTheLogItWasGiven() {
    EventLog first = EventLog.inMemory();
    EventLog second = EventLog.inMemory();
    Customers<CustomerTable.Slot> viaFirst = table.ingestion(first);
    Customers<CustomerTable.Slot> viaSecond = table.ingestion(second);
    CustomerTable.Slot slot = viaFirst.bindIfAbsent(M1, C1);
    var e1 = Fixtures.joined("e1", daysAgo(2), M1);
    var e2 = Fixtures.purchase("e2", daysAgo(1), 10_00, M1);

    assertThat(viaFirst.append(slot, e1)).isTrue();
    assertThat(viaFirst.append(slot, e1)).as("a duplicate").isFalse();
    assertThat(viaSecond.append(slot, e2)).isTrue();
    assertThat(viaFirst.append(slot, e2)).isTrue();

    assertThat(first.eventsOf(C1)).containsExactly(e1, e2);
    assertThat(second.eventsOf(C1)).containsExactly(e2);
    assertThat(first.ownerOf("e2")).contains(C1);
  }

  @Test
  void ingestion_overAHostLog_appendsByCustomerId() {
    EventLog hostLog = new RecordingLog();
    Customers<CustomerTable.Slot> via = table.ingestion(hostLog);
    CustomerTable.Slot slot = via.bindIfAbsent(M1, C1);
    var e1 = Fixtures.joined("e1", daysAgo(2), M1);
    assertThat(via.append(slot, e1)).isTrue();
    assertThat(hostLog.eventsOf(C1)).containsExactly(e1);
  }

  /** A host's log that is not the in-memory one: only append and eventsOf are used here. */
  private static final class RecordingLog implements EventLog {
    private final java.util.Map<CustomerId, List<io.github.scrm.core.event.CustomerEvent>> events =
        new java.util.HashMap<>();

    @Override
    public boolean append(CustomerId owner, io.github.scrm.core.event.CustomerEvent event) {
      return events.computeIfAbsent(owner, k -> new ArrayList<>()).add(event);
    }

    @Override
    public java.util.Optional<CustomerId> ownerOf(String eventId) {
      return java.util.Optional.empty();
    }

    @Override
    public List<io.github.scrm.core.event.CustomerEvent> eventsOf(CustomerId owner) {
      return events.getOrDefault(owner, List.of());
    }

    @Override
    public void reassign(String eventId, CustomerId newOwner) {
      throw new IllegalStateException("not used by this test");
    }

    @Override
    public int erase(CustomerId owner) {
      throw new IllegalStateException("not used by this test");
    }

    @Override
    public void forEach(java.util.function.BiConsumer<CustomerId, io.github.scrm.core.event.CustomerEvent> action) {
      throw new IllegalStateException("not used by this test");
    }
  }
}
