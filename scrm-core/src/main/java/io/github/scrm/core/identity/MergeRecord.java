package io.github.scrm.core.identity;

import io.github.scrm.core.MaxLengths;
import io.github.scrm.core.customer.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The record of one merge: an event carried identifiers of two known customers, so the {@link #absorbed()} customer
 * was folded into the {@link #survivor()} (the one whose id sorts first, so merges are deterministic). Kept for
 * explanation and for {@code unmerge}.
 *
 * @param mergeId the id of this merge, 1 to {@link MaxLengths#MERGE_ID} (128) non-blank characters
 * @param survivor the customer that remains
 * @param absorbed the customer folded in; its id redirects to the survivor until an unmerge
 * @param movedIdentifiers the absorbed customer's identifiers, now the survivor's
 * @param eventId the event that linked them
 * @param linkingIdentifiers the identifiers of that event
 * @param mergedAt when the merge was made (by the injected clock)
 * @param undoneAt when it was undone, if it was
 */
public record MergeRecord(
    String mergeId, CustomerId survivor, CustomerId absorbed, List<Identifier> movedIdentifiers, String eventId,
    List<Identifier> linkingIdentifiers, Instant mergedAt, @Nullable Instant undoneAt) {

  /** Validates and copies. */
  public MergeRecord {
    Objects.requireNonNull(mergeId, "mergeId");
    if (mergeId.isBlank() || mergeId.length() > MaxLengths.MERGE_ID) {
      throw new IllegalArgumentException("mergeId: must have 1 to " + MaxLengths.MERGE_ID + " non-blank characters, but "
          + (mergeId.isBlank() ? "was blank" : "had " + mergeId.length()));
    }
    Objects.requireNonNull(survivor, "survivor");
    Objects.requireNonNull(absorbed, "absorbed");
    movedIdentifiers = List.copyOf(movedIdentifiers);
    Objects.requireNonNull(eventId, "eventId");
    linkingIdentifiers = List.copyOf(linkingIdentifiers);
    Objects.requireNonNull(mergedAt, "mergedAt");
  }

  /** When the merge was undone, if it was. */
  public Optional<Instant> undone() {
    return Optional.ofNullable(undoneAt);
  }

  /** This record marked undone at {@code at}. */
  public MergeRecord undoneAt(Instant at) {
    return new MergeRecord(mergeId, survivor, absorbed, movedIdentifiers, eventId, linkingIdentifiers, mergedAt, at);
  }

  /** A sentence for an operator; identifiers appear masked. */
  public String explain() {
    return absorbed + " was merged into " + survivor + " at " + mergedAt + " because event " + eventId
        + " carried " + linkingIdentifiers.stream().map(Identifier::toString).collect(Collectors.joining(", "))
        + "; identifiers moved: "
        + movedIdentifiers.stream().map(Identifier::toString).collect(Collectors.joining(", "))
        + (undoneAt == null ? "" : "; undone at " + undoneAt);
  }
}
