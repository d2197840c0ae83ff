package io.github.scrm.core.internal;

import static io.github.scrm.core.Fixtures.daysAgo;
import static io.github.scrm.core.Fixtures.member;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.Fixtures;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.profile.CustomerProfile;
import io.github.scrm.core.spi.IdentityIndex;
import io.github.scrm.core.spi.ProfileStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
}
