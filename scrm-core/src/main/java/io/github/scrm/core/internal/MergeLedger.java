package io.github.scrm.core.internal;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.IdentityConflict;
import io.github.scrm.core.identity.MergeRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Merge records, the events each merge moved, the redirects from absorbed customers to survivors, and conflicts.
 * Written only under the engine's write lock; read from any thread.
 */
final class MergeLedger {

  private final CopyOnWriteArrayList<MergeRecord> records = new CopyOnWriteArrayList<>();
  private final Map<String, List<String>> movedEvents = new ConcurrentHashMap<>();
  private final Map<CustomerId, CustomerId> absorbedInto = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<IdentityConflict> conflicts = new CopyOnWriteArrayList<>();

  void merged(MergeRecord record, List<String> eventIds) {
    records.add(record);
    movedEvents.put(record.mergeId(), List.copyOf(eventIds));
    absorbedInto.put(record.absorbed(), record.survivor());
  }

  void conflict(IdentityConflict conflict) {
    conflicts.add(conflict);
  }

  /** Follows redirects to the customer {@code customer} is part of now. */
  CustomerId current(CustomerId customer) {
    CustomerId c = customer;
    for (int hops = 0; hops < 1_000_000; hops++) {
      CustomerId next = absorbedInto.get(c);
      if (next == null) {
        return c;
      }
      c = next;
    }
    throw new IllegalStateException("merge redirects of " + customer + " form a cycle");
  }

  boolean isAbsorbed(CustomerId customer) {
    return absorbedInto.containsKey(customer);
  }

  Optional<MergeRecord> activeMergeOf(CustomerId absorbed) {
    for (int i = records.size() - 1; i >= 0; i--) {
      MergeRecord r = records.get(i);
      if (r.absorbed().equals(absorbed) && r.undoneAt() == null) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  List<String> movedEvents(MergeRecord record) {
    return movedEvents.getOrDefault(record.mergeId(), List.of());
  }

  void undone(MergeRecord record, Instant at) {
    records.replaceAll(r -> r.mergeId().equals(record.mergeId()) ? r.undoneAt(at) : r);
    absorbedInto.remove(record.absorbed(), record.survivor());
  }

  List<MergeRecord> involving(CustomerId customer) {
    List<MergeRecord> out = new ArrayList<>();
    for (MergeRecord r : records) {
      if (r.survivor().equals(customer) || r.absorbed().equals(customer)) {
        out.add(r);
      }
    }
    return out;
  }

  List<IdentityConflict> conflicts() {
    return List.copyOf(conflicts);
  }

  List<IdentityConflict> conflictsOf(CustomerId customer) {
    return conflicts.stream().filter(c -> c.customers().contains(customer)).toList();
  }

  /** After an erasure: the records stay (who was merged when), without the identifiers. */
  void redact(CustomerId customer) {
    records.replaceAll(r -> r.survivor().equals(customer) || r.absorbed().equals(customer)
        ? new MergeRecord(r.mergeId(), r.survivor(), r.absorbed(), List.of(), r.eventId(), List.of(), r.mergedAt(),
            r.undoneAt())
        : r);
    conflicts.removeIf(c -> c.customers().contains(customer));
  }
}
