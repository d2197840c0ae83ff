package io.github.scrm.core.internal;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.IdentityConflict;
import io.github.scrm.core.identity.MergeRecord;
import io.github.scrm.core.spi.MergeStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

  List<IdentityConflict> conflicts() {
    return store.conflicts();
  }

  List<IdentityConflict> conflictsOf(CustomerId customer) {
    return store.conflictsOf(customer);
  }

  /** After an erasure: the records stay (who was merged when), without the identifiers. */
  void redact(CustomerId customer) {
    store.redact(customer);
  }
}
