package io.github.scrm.core.spi;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.privacy.ErasureRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The default {@link ErasureStore}: every record in order, and by customer. Guarded by the store's monitor. */
final class InMemoryErasureStore implements ErasureStore {

  private final List<ErasureRecord> records = new ArrayList<>();
  private final Map<CustomerId, List<ErasureRecord>> byCustomer = new HashMap<>();

  @Override
  public synchronized void record(ErasureRecord record) {
    Objects.requireNonNull(record, "record");
    records.add(record);
    byCustomer.computeIfAbsent(record.customer(), c -> new ArrayList<>(1)).add(record);
  }

  @Override
  public synchronized List<ErasureRecord> all() {
    return List.copyOf(records);
  }

  @Override
  public synchronized List<ErasureRecord> of(CustomerId customer) {
    return List.copyOf(byCustomer.getOrDefault(customer, List.of()));
  }

  /** A count only: the records name customers. */
  @Override
  public synchronized String toString() {
    return "ErasureStore.inMemory[" + records.size() + " erasures]";
  }
}
