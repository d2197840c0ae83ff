package io.github.scrm.core.referral;

import java.util.Objects;

/**
 * One rung of a supporter campaign's ladder: reaching {@code supporters} distinct supporters earns {@code reward}.
 *
 * @param supporters distinct natural persons needed, at least 1
 * @param reward what the poster owner earns
 */
public record LadderStep(int supporters, RewardSpec reward) {

  /** Checks presence; ranges are checked when the campaign is defined. */
  public LadderStep {
    Objects.requireNonNull(reward, "reward");
  }

  /** Shorthand for the constructor. */
  public static LadderStep of(int supporters, RewardSpec reward) {
    return new LadderStep(supporters, reward);
  }
}
