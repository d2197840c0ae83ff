package io.github.scrm.core.spi;

import static io.github.scrm.core.Fixtures.daysAgo;
import static io.github.scrm.core.Fixtures.member;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.Fixtures;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.profile.CustomerProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ProfileStore} must have. A host's implementation proves itself by extending this class
 * (from the scrm-core tests jar) and returning a fresh, empty store from {@link #newStore()}.
 */
public abstract class ProfileStoreContract {

  /** A new, empty store. */
  protected abstract ProfileStore newStore();

  private static final CustomerId C1 = CustomerId.of("c-1");

  @Test
  void find_unknownCustomer_isEmpty() {
    assertThat(newStore().find(C1)).isEmpty();
  }

  @Test
  void update_absentCustomer_startsFromAnEmptyProfile() {
    ProfileStore store = newStore();
    CustomerProfile stored = store.update(C1, p -> {
      assertThat(p.eventCount()).isZero();
      assertThat(p.id()).isEqualTo(C1);
      return p.with(Fixtures.purchase("e1", daysAgo(1), 10_00, member("M1")));
    });
    assertThat(stored.eventCount()).isEqualTo(1);
    assertThat(store.find(C1)).hasValueSatisfying(p -> assertThat(p.eventCount()).isEqualTo(1));
  }

  @Test
  void put_replacesAndRemove_reportsWhetherPresent() {
    ProfileStore store = newStore();
    store.put(CustomerProfile.empty(C1));
    store.put(CustomerProfile.empty(C1).with(Fixtures.joined("e1", daysAgo(1), member("M1"))));
    assertThat(store.find(C1)).hasValueSatisfying(p -> assertThat(p.eventCount()).isEqualTo(1));
    assertThat(store.size()).isEqualTo(1);
    assertThat(store.remove(C1)).isTrue();
    assertThat(store.remove(C1)).isFalse();
    assertThat(store.find(C1)).isEmpty();
  }

  @Test
  void forEach_visitsEveryProfileOnce() {
    ProfileStore store = newStore();
    for (int i = 0; i < 50; i++) {
      store.put(CustomerProfile.empty(CustomerId.of("c-" + i)));
    }
    List<CustomerId> seen = new ArrayList<>();
    store.forEach(p -> seen.add(p.id()));
    assertThat(seen).hasSize(50).doesNotHaveDuplicates();
    assertThat(store.size()).isEqualTo(50);
  }

  @Test
  void update_concurrentlyForOneCustomer_losesNoUpdate() throws Exception {
    ProfileStore store = newStore();
    int threads = 4;
    int perThread = 250;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            String id = "e-" + thread + "-" + i;
            store.update(C1, p -> p.with(Fixtures.purchase(id, daysAgo(1), 1_00, member("M1"))));
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.find(C1)).hasValueSatisfying(p -> assertThat(p.eventCount()).isEqualTo(threads * perThread));
  }
}
