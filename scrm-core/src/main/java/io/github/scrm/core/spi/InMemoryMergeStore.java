package io.github.scrm.core.spi;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.IdentityConflict;
import io.github.scrm.core.identity.MergeRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The default {@link MergeStore}: merges are rare, so records are copy-on-write lists; redirects are a map. */
final class InMemoryMergeStore implements MergeStore {

  private final CopyOnWriteArrayList<MergeRecord> records = new CopyOnWriteArrayList<>();
  private final Map<String, List<String>> movedEvents = new ConcurrentHashMap<>();
  private final Map<CustomerId, CustomerId> absorbedInto = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<IdentityConflict> conflicts = new CopyOnWriteArrayList<>();

  @Override
  public synchronized void recordMerge(MergeRecord record, List<String> movedEventIds) {
    Objects.requireNonNull(record, "record");
    if (record.undoneAt() != null) {
      throw new IllegalArgumentException("merge " + record.mergeId() + " must not be undone when recorded");
    }
    if (movedEvents.containsKey(record.mergeId())) {
      throw new IllegalArgumentException("merge " + record.mergeId() + " is already recorded");
    }
    movedEvents.put(record.mergeId(), List.copyOf(movedEventIds));
    records.add(record);
    absorbedInto.put(record.absorbed(), record.survivor());
  }

  @Override
  public List<String> movedEvents(String mergeId) {
    return movedEvents.getOrDefault(mergeId, List.of());
  }

  @Override
  public synchronized boolean recordUnmerge(String mergeId, Instant at) {
    Objects.requireNonNull(at, "at");
    for (int i = 0; i < records.size(); i++) {
      MergeRecord r = records.get(i);
      if (r.mergeId().equals(mergeId)) {
        if (r.undoneAt() != null) {
          return false;
        }
        records.set(i, r.undoneAt(at));
        absorbedInto.remove(r.absorbed(), r.survivor());
        return true;
      }
    }
    return false;
  }

  @Override
  public Optional<CustomerId> absorbedInto(CustomerId customer) {
    return Optional.ofNullable(absorbedInto.get(customer));
  }

  @Override
  public List<MergeRecord> mergesOf(CustomerId customer) {
    List<MergeRecord> out = new ArrayList<>();
    for (MergeRecord r : records) {
      if (r.survivor().equals(customer) || r.absorbed().equals(customer)) {
        out.add(r);
      }
    }
    return out;
  }

  @Override
  public void recordConflict(IdentityConflict conflict) {
    conflicts.add(Objects.requireNonNull(conflict, "conflict"));
  }

  @Override
  public List<IdentityConflict> conflicts() {
    return List.copyOf(conflicts);
  }

  @Override
  public List<IdentityConflict> conflictsOf(CustomerId customer) {
    return conflicts.stream().filter(c -> c.customers().contains(customer)).toList();
  }

  @Override
  public synchronized void redact(CustomerId customer) {
    records.replaceAll(r -> r.survivor().equals(customer) || r.absorbed().equals(customer)
        ? new MergeRecord(r.mergeId(), r.survivor(), r.absorbed(), List.of(), r.eventId(), List.of(), r.mergedAt(),
            r.undoneAt())
        : r);
    conflicts.removeIf(c -> c.customers().contains(customer));
  }

  /** Counts only: no identifiers. */
  @Override
  public String toString() {
    return "MergeStore.inMemory[" + records.size() + " merges, " + conflicts.size() + " conflicts]";
  }
}
