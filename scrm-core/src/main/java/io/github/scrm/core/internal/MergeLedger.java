package io.github.scrm.core.internal;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.IdentityConflict;
import io.github.scrm.core.identity.MergeRecord;
import io.github.scrm.core.spi.MergeStore;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The engine's questions about merges, answered from the host's {@link MergeStore}. */
final class MergeLedger {

  private final MergeStore store;

  MergeLedger(MergeStore store) {
    this.store = store;
  }

  void merged(MergeRecord record, List<String> eventIds) {
    store.recordMerge(record, eventIds);
  }

  void conflict(IdentityConflict conflict) {
    store.recordConflict(conflict);
  }

  /** Follows redirects to the customer {@code customer} is part of now. */
  CustomerId current(CustomerId customer) {
    CustomerId c = customer;
    for (int hops = 0; hops < 1_000_000; hops++) {
      Optional<CustomerId> next = store.absorbedInto(c);
      if (next.isEmpty()) {
        return c;
      }
      c = next.get();
    }
    throw new IllegalStateException("merge redirects of " + customer + " form a cycle");
  }

  boolean isAbsorbed(CustomerId customer) {
    return store.absorbedInto(customer).isPresent();
  }

  Optional<MergeRecord> activeMergeOf(CustomerId absorbed) {
    List<MergeRecord> records = store.mergesOf(absorbed);
    for (int i = records.size() - 1; i >= 0; i--) {
      MergeRecord r = records.get(i);
      if (r.absorbed().equals(absorbed) && r.undoneAt() == null) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  List<String> movedEvents(MergeRecord record) {
    return store.movedEvents(record.mergeId());
  }

  void undone(MergeRecord record, Instant at) {
    store.recordUnmerge(record.mergeId(), at);
  }

  List<MergeRecord> involving(CustomerId customer) {
    return store.mergesOf(customer);
  }

  /**
   * {@code survivor} and every customer whose {@link #current} it is: the customers merged into it, and those merged
   * into them before, through merges not undone. The survivor first, then breadth first.
   */
  Set<CustomerId> mergeTree(CustomerId survivor) {
    Set<CustomerId> tree = new LinkedHashSet<>();
    tree.add(survivor);
    ArrayDeque<CustomerId> open = new ArrayDeque<>();
    open.add(survivor);
    while (!open.isEmpty()) {
      CustomerId node = open.poll();
      for (MergeRecord r : store.mergesOf(node)) {
        if (r.survivor().equals(node) && r.undoneAt() == null
            && store.absorbedInto(r.absorbed()).filter(node::equals).isPresent() && tree.add(r.absorbed())) {
          open.add(r.absorbed());
        }
      }
    }
    return tree;
  }

  /** The merge records of every customer in {@code customers}, each once, oldest first. */
  List<MergeRecord> involvingAny(Set<CustomerId> customers) {
    Map<String, MergeRecord> records = new LinkedHashMap<>();
    for (CustomerId customer : customers) {
      for (MergeRecord r : store.mergesOf(customer)) {
        records.putIfAbsent(r.mergeId(), r);
      }
    }
    List<MergeRecord> out = new ArrayList<>(records.values());
    out.sort(Comparator.comparing(MergeRecord::mergedAt));
    return out;
  }

  /** The conflicts naming any customer in {@code customers}, each once, oldest first. */
  List<IdentityConflict> conflictsOfAny(Set<CustomerId> customers) {
    Set<IdentityConflict> conflicts = new LinkedHashSet<>();
    for (CustomerId customer : customers) {
      conflicts.addAll(store.conflictsOf(customer));
    }
    List<IdentityConflict> out = new ArrayList<>(conflicts);
    out.sort(Comparator.comparing(IdentityConflict::recordedAt));
    return out;
  }

  List<IdentityConflict> conflicts() {
    return store.conflicts();
  }

  /**
   * After an erasure of the customers in {@code tree} (a {@link #mergeTree}): the records stay (who was merged when),
   * without the identifiers; the conflicts go.
   */
  void redact(Set<CustomerId> tree) {
    for (CustomerId customer : tree) {
      store.redact(customer);
    }
  }
}
