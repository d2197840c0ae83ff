package io.github.scrm.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.privacy.ErasureRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ErasureStore} must have. A host's implementation proves itself by extending this class
 * (from the scrm-core tests jar) and returning a fresh, empty store from {@link #newStore()}.
 */
public abstract class ErasureStoreContract {

  /** A new, empty store. */
  protected abstract ErasureStore newStore();

  private static final CustomerId A = CustomerId.of("c-a");
  private static final CustomerId B = CustomerId.of("c-b");
  private static final Instant AT = Instant.parse("2026-05-01T08:00:00.123456Z");

  private static ErasureRecord erasure(CustomerId customer, Instant at, int events) {
    return new ErasureRecord(customer, at, 2, events, Map.of("coupons", 3, "referrals", -1));
  }

  @Test
  void record_isReadBackWhole() {
    ErasureStore store = newStore();
    ErasureRecord record = erasure(A, AT, 7);

    store.record(record);

    assertThat(store.all()).containsExactly(record);
    assertThat(store.of(A)).containsExactly(record);
    assertThat(store.of(A).get(0).participants()).containsEntry("referrals", -1);
    assertThat(store.of(A).get(0).erasedAt()).isEqualTo(AT);
  }

  @Test
  void erasures_areListedOldestFirst_overallAndByCustomer() {
    ErasureStore store = newStore();
    ErasureRecord first = erasure(A, AT, 1);
    ErasureRecord other = erasure(B, AT.plusSeconds(1), 2);
    ErasureRecord again = erasure(A, AT.plusSeconds(2), 3);

    store.record(first);
    store.record(other);
    store.record(again);

    assertThat(store.all()).containsExactly(first, other, again);
    assertThat(store.of(A)).containsExactly(first, again);
    assertThat(store.of(B)).containsExactly(other);
  }

  @Test
  void of_customerNeverErased_isEmpty() {
    ErasureStore store = newStore();
    store.record(erasure(A, AT, 1));

    assertThat(store.of(B)).isEmpty();
    assertThat(newStore().all()).isEmpty();
  }

  @Test
  void concurrentRecords_areAllKept() throws Exception {
    ErasureStore store = newStore();
    int threads = 4;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        CustomerId customer = CustomerId.of("c-" + t);
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            store.record(erasure(customer, AT.plusSeconds(i), i));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.all()).hasSize(threads * each);
    assertThat(store.of(CustomerId.of("c-2"))).extracting(ErasureRecord::eventsRemoved)
        .containsExactly(java.util.stream.IntStream.range(0, each).boxed().toArray(Integer[]::new));
  }
}
