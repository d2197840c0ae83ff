package io.github.scrm.core.referral;

import java.time.Instant;
import java.util.List;

/**
 * A flagged reward waiting for a reviewer.
 *
 * @param reward the reward in {@link RewardState#IN_REVIEW}
 * @param flags why it was flagged
 * @param deadline when the review lapses
 * @param onLapse what happens then
 */
public record ReviewItem(Reward reward, List<FraudFlag> flags, Instant deadline, LapsePolicy onLapse) {

  /** Copies the list. */
  public ReviewItem {
    flags = List.copyOf(flags);
  }
}
