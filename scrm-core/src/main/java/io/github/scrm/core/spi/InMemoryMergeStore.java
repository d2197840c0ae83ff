package io.github.scrm.core.spi;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.IdentityConflict;
import io.github.scrm.core.identity.MergeRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link MergeStore}. Every question is answered through an index by merge id or by customer, so
 * recording a merge or a conflict costs the same with millions recorded as with none. Writes and the listing reads
 * hold the store's monitor; the redirect of an absorbed customer, asked on every duplicate event, is read without it.
 */
final class InMemoryMergeStore implements MergeStore {

  /** A merge record and the ids of the events it moved. */
  private record Merge(MergeRecord record, List<String> moved) {}

  private final Map<String, Merge> merges = new HashMap<>();
  /** The ids of the merges each customer took part in, oldest first. */
  private final Map<CustomerId, List<String>> mergesByCustomer = new HashMap<>();
  private final Map<CustomerId, CustomerId> absorbedInto = new ConcurrentHashMap<>();
  /** Every conflict not redacted, by its number, in recording order. */
  private final Map<Long, IdentityConflict> conflicts = new LinkedHashMap<>();
  /** The numbers of the conflicts each customer is named in, oldest first. */
  private final Map<CustomerId, Set<Long>> conflictsByCustomer = new HashMap<>();
  private long nextConflict;

  @Override
  public synchronized void recordMerge(MergeRecord record, List<String> movedEventIds) {
    Objects.requireNonNull(record, "record");
    if (record.undoneAt() != null) {
      throw new IllegalArgumentException("merge " + record.mergeId() + " must not be undone when recorded");
    }
    if (merges.containsKey(record.mergeId())) {
      throw new IllegalArgumentException("merge " + record.mergeId() + " is already recorded");
    }
    merges.put(record.mergeId(), new Merge(record, List.copyOf(movedEventIds)));
    mergesByCustomer.computeIfAbsent(record.survivor(), c -> new ArrayList<>(1)).add(record.mergeId());
    if (!record.absorbed().equals(record.survivor())) {
      mergesByCustomer.computeIfAbsent(record.absorbed(), c -> new ArrayList<>(1)).add(record.mergeId());
    }
    absorbedInto.put(record.absorbed(), record.survivor());
  }

  @Override
  public synchronized List<String> movedEvents(String mergeId) {
    Merge merge = merges.get(mergeId);
    return merge == null ? List.of() : merge.moved();
  }

  @Override
  public synchronized boolean recordUnmerge(String mergeId, Instant at) {
    Objects.requireNonNull(at, "at");
    Merge merge = merges.get(mergeId);
    if (merge == null || merge.record().undoneAt() != null) {
      return false;
    }
    MergeRecord r = merge.record();
    merges.put(mergeId, new Merge(r.undoneAt(at), merge.moved()));
    absorbedInto.remove(r.absorbed(), r.survivor());
    return true;
  }

  @Override
  public Optional<CustomerId> absorbedInto(CustomerId customer) {
    return Optional.ofNullable(absorbedInto.get(customer));
  }

  @Override
  public synchronized List<MergeRecord> mergesOf(CustomerId customer) {
    List<String> ids = mergesByCustomer.getOrDefault(customer, List.of());
    List<MergeRecord> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      out.add(merges.get(id).record());
    }
    return out;
  }

  @Override
  public synchronized void recordConflict(IdentityConflict conflict) {
    Objects.requireNonNull(conflict, "conflict");
    long number = nextConflict++;
    conflicts.put(number, conflict);
    for (CustomerId customer : conflict.customers()) {
      conflictsByCustomer.computeIfAbsent(customer, c -> new LinkedHashSet<>()).add(number);
    }
  }

  @Override
  public synchronized List<IdentityConflict> conflicts() {
    return List.copyOf(conflicts.values());
  }

  @Override
  public synchronized List<IdentityConflict> conflictsOf(CustomerId customer) {
    Set<Long> numbers = conflictsByCustomer.getOrDefault(customer, Set.of());
    List<IdentityConflict> out = new ArrayList<>(numbers.size());
    for (Long number : numbers) {
      out.add(conflicts.get(number));
    }
    return List.copyOf(out);
  }

  @Override
  public synchronized void redact(CustomerId customer) {
    for (String id : mergesByCustomer.getOrDefault(customer, List.of())) {
      Merge merge = merges.get(id);
      MergeRecord r = merge.record();
      merges.put(id, new Merge(new MergeRecord(r.mergeId(), r.survivor(), r.absorbed(), List.of(), r.eventId(),
          List.of(), r.mergedAt(), r.undoneAt()), merge.moved()));
    }
    Set<Long> numbers = conflictsByCustomer.remove(customer);
    if (numbers == null) {
      return;
    }
    for (Long number : numbers) {
      IdentityConflict gone = conflicts.remove(number);
      for (CustomerId other : gone.customers()) {
        Set<Long> ofOther = conflictsByCustomer.get(other);
        if (ofOther != null && ofOther.remove(number) && ofOther.isEmpty()) {
          conflictsByCustomer.remove(other);
        }
      }
    }
  }

  /** Counts only: no identifiers. */
  @Override
  public synchronized String toString() {
    return "MergeStore.inMemory[" + merges.size() + " merges, " + conflicts.size() + " conflicts]";
  }
}
