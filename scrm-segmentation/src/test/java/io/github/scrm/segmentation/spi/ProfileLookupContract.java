package io.github.scrm.segmentation.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.segmentation.AttributeMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ProfileLookup} must have. A host's implementation extends this class and returns a lookup
 * holding exactly the given profiles.
 */
public abstract class ProfileLookupContract {

  /** A lookup holding exactly {@code profiles}. */
  protected abstract ProfileLookup lookupOf(Map<CustomerId, AttributeValues> profiles);

  private static Map<CustomerId, AttributeValues> twoProfiles() {
    return Map.of(CustomerId.of("a"), AttributeMap.builder().put(StandardAttributes.ORDERS, 3L).build(),
        CustomerId.of("b"), AttributeMap.builder().put(StandardAttributes.ORDERS, 5L).build());
  }

  @Test
  void find_knownCustomer_givesTheirValues() {
    ProfileLookup lookup = lookupOf(twoProfiles());
    assertThat(lookup.find(CustomerId.of("b")).map(v -> v.get(StandardAttributes.ORDERS))).contains(5L);
  }

  @Test
  void find_unknownCustomer_isEmpty() {
    assertThat(lookupOf(twoProfiles()).find(CustomerId.of("zz"))).isEmpty();
  }

  @Test
  void ids_listsEachCustomerOnce() {
    assertThat(lookupOf(twoProfiles()).ids()).containsExactlyInAnyOrder(CustomerId.of("a"), CustomerId.of("b"));
  }

  @Test
  void concurrentReads_seeTheSameProfiles() throws InterruptedException {
    ProfileLookup lookup = lookupOf(twoProfiles());
    ConcurrentLinkedQueue<Long> seen = new ConcurrentLinkedQueue<>();
    List<Thread> threads = IntStream.range(0, 8).mapToObj(i -> new Thread(() -> {
      for (int k = 0; k < 2_000; k++) {
        seen.add(lookup.find(CustomerId.of("a")).orElseThrow().get(StandardAttributes.ORDERS));
      }
    })).toList();
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(seen).hasSize(16_000).containsOnly(3L);
  }
}
