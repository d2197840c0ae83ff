package io.github.scrm.core.identity;

import io.github.scrm.core.profile.CustomerProfile;

/** What an unmerge did. */
public sealed interface UnmergeOutcome {

  /**
   * The merge was undone: both customers exist again, each with its own identifiers and metrics re-derived from its
   * own events.
   *
   * @param record the merge record, now marked undone
   * @param survivor the customer that had absorbed the other
   * @param restored the customer that was absorbed
   */
  record Unmerged(MergeRecord record, CustomerProfile survivor, CustomerProfile restored) implements UnmergeOutcome {}

  /**
   * Nothing changed.
   *
   * @param reason why
   */
  record NotUnmerged(String reason) implements UnmergeOutcome {}
}
