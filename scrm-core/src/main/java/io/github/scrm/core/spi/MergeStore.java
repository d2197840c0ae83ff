package io.github.scrm.core.spi;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.IdentityConflict;
import io.github.scrm.core.identity.MergeRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where merges and identity conflicts are kept: each merge record (when, which identifiers, which event), the ids of
 * the events a merge moved (so an unmerge can move them back, also after a restart), which customer an absorbed
 * customer now belongs to, and the links the guardrails refused, waiting for review.
 *
 * <p>Merges, unmerges and redactions are written under the engine's exclusive lock; conflicts may be recorded by
 * several ingesting threads at once. Implementations must be thread-safe; a broken backend throws
 * {@link io.github.scrm.core.ScrmException}. {@link #inMemory()} is the default.
 */
public interface MergeStore {

  /** Records {@code record}, a merge not undone, and the ids of the events it moved to the survivor. */
  void recordMerge(MergeRecord record, List<String> movedEventIds);

  /** The ids of the events merge {@code mergeId} moved, in the order recorded; empty for an unknown merge. */
  List<String> movedEvents(String mergeId);

  /**
   * Marks merge {@code mergeId} undone at {@code at}: its absorbed customer is no longer redirected to the survivor.
   * Returns false, changing nothing, when the merge is unknown or already undone.
   */
  boolean recordUnmerge(String mergeId, Instant at);

  /** The survivor of the merge not undone that absorbed {@code customer}, if there is one. */
  Optional<CustomerId> absorbedInto(CustomerId customer);

  /** Every merge that involves {@code customer} as survivor or absorbed, undone ones too, oldest first. */
  List<MergeRecord> mergesOf(CustomerId customer);

  /** Records a link the guardrails refused. */
  void recordConflict(IdentityConflict conflict);

  /** Every conflict recorded, oldest first. */
  List<IdentityConflict> conflicts();

  /** The conflicts that involve {@code customer}, oldest first. */
  List<IdentityConflict> conflictsOf(CustomerId customer);

  /**
   * After a PIPL erasure of {@code customer}: its merge records, as survivor or absorbed, stay (who was merged when)
   * without their identifiers, and its conflicts, which name identifiers, are deleted. Redirects are unchanged. An
   * erasure calls this for every customer of the erased customer's merge tree: the survivor and every customer merged
   * into it, directly or through a customer that was merged into it later.
   */
  void redact(CustomerId customer);

  /** A thread-safe store in memory. */
  static MergeStore inMemory() {
    return new InMemoryMergeStore();
  }
}
