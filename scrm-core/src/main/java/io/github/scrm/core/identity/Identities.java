package io.github.scrm.core.identity;

import io.github.scrm.core.customer.CustomerId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Identity resolution as the {@code Scrm} instance keeps it: which customer an identifier names, the merges events
 * caused and the conflicts the guardrails refused. Obtained from {@code Scrm.identities()}; thread-safe. Hosts do not
 * implement it.
 */
public interface Identities {

  /** The customer {@code identifier} belongs to now, if any. */
  Optional<CustomerId> resolve(Identifier identifier);

  /** The customer that {@code customer} is now part of: itself, or the survivor of the merge that absorbed it. */
  CustomerId current(CustomerId customer);

  /**
   * The customers merged into {@code survivor}, and those merged into them before, through merges not undone: every
   * customer whose {@link #current} is {@code survivor}, but itself. Empty for a customer nobody was merged into.
   */
  Set<CustomerId> mergedInto(CustomerId survivor);

  /** Every merge in which {@code customer} survived or was absorbed, oldest first, undone ones included. */
  List<MergeRecord> mergesOf(CustomerId customer);

  /** Every conflict recorded for review, oldest first. */
  List<IdentityConflict> conflicts();

  /**
   * Undoes the active merge that absorbed {@code absorbed}: its identifiers and its own events return to it, events
   * that arrived after the merge carrying only its identifiers go with them, and both customers' profiles are rebuilt
   * from their events. Merges are undone newest first: a survivor that was itself absorbed later must be unmerged
   * before.
   */
  UnmergeOutcome unmerge(CustomerId absorbed);
}
