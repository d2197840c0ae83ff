package io.github.scrm.core.referral;

import io.github.scrm.core.money.Money;
import java.util.Objects;

/**
 * What one qualification pays.
 *
 * @param rewardKey what to give, in the {@link io.github.scrm.core.spi.RewardIssuer}'s terms (a coupon campaign id);
 *     non-blank, at most {@link io.github.scrm.core.MaxLengths#REWARD_KEY} (200) characters
 * @param value the face value counted against the budget; zero is allowed (a badge), negative is refused
 */
public record RewardSpec(String rewardKey, Money value) {

  /** Checks presence; the range is checked when the programme is defined so that every problem is listed. */
  public RewardSpec {
    Objects.requireNonNull(rewardKey, "rewardKey");
    Objects.requireNonNull(value, "value");
  }

  /** Shorthand for the constructor. */
  public static RewardSpec of(String rewardKey, Money value) {
    return new RewardSpec(rewardKey, value);
  }
}
