package io.github.scrm.core.referral;

/** The answer to a reviewer's decision. */
public sealed interface ReviewOutcome {

  /** The decision was applied; {@code reward} is its new state (approved, issued or denied). */
  record Decided(Reward reward) implements ReviewOutcome {}

  /** No reward has this id; nothing changed. */
  record NotFound(String rewardId) implements ReviewOutcome {}

  /** The reward is not (or no longer) in review, for example because its deadline lapsed; nothing changed. */
  record NotInReview(Reward reward) implements ReviewOutcome {}
}
