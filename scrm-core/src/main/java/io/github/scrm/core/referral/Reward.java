package io.github.scrm.core.referral;

import io.github.scrm.core.ScrmStyle;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One reward in the ledger: who earns what, for which qualification, and where it is in its {@link RewardState life}.
 * The id is derived from (programme, referee, trigger, level), which is what makes qualification idempotent. Values
 * are immutable; every change is a new version stored by compare-and-set.
 */
@Value.Immutable
@ScrmStyle
public abstract class Reward {

  /**
   * The idempotency key: programme, referee (or poster owner), trigger and level, each escaped so that no two rewards
   * share an id whatever characters the host's ids hold ({@code spring|bob|order:o-1}, {@code spring|bob|order:o-1|L2}
   * for the indirect reward of level 2).
   */
  public abstract String rewardId();

  /** The referral programme or supporter campaign. */
  public abstract String programme();

  /** Who receives the reward (the referrer or poster owner). */
  public abstract CustomerId beneficiary();

  /** The new customer whose qualification earned it; empty for a supporter-campaign ladder step. */
  public abstract Optional<CustomerId> referee();

  /**
   * What qualified: {@code registration}, {@code first-purchase}, {@code order:<id>}, {@code ladder:<n>}. An indirect
   * reward has the trigger of the qualification it comes from; its {@link #level()} tells it apart.
   */
  public abstract String trigger();

  /**
   * 1 for the direct reward of a qualification (to the referrer or the poster owner); 2 and up for the indirect rewards
   * of the referrers above, by their distance from the referee.
   */
  @Value.Default
  public int level() {
    return 1;
  }

  /** The qualifying order, whose refund inside the review period cancels the reward. */
  public abstract Optional<String> orderId();

  /** What to give, in the issuer's terms. */
  public abstract String rewardKey();

  /** The face value, counted against the budget. */
  public abstract Money value();

  /** The current state. */
  public abstract RewardState state();

  /** When the qualification happened. */
  public abstract Instant qualifiedAt();

  /** When the review period ends and the reward may be paid. */
  public abstract Instant payableAt();

  /** When an unanswered review lapses; present while and after the reward is in review. */
  public abstract Optional<Instant> reviewDeadline();

  /** Why screening flagged or refused it; empty for a clean reward. */
  public abstract List<FraudFlag> flags();

  /** The last transition's reason (reviewer's note, refund, budget exhausted), empty when none. */
  @Value.Default
  public String note() {
    return "";
  }

  /** What the issuer returned when it paid the reward. */
  public abstract Optional<String> reference();

  /** Incremented by every stored change; the compare-and-set key of {@link io.github.scrm.core.spi.ReferralStore}. */
  @Value.Default
  public long version() {
    return 0;
  }

  @Value.Check
  protected void check() {
    if (level() < 1) {
      throw new IllegalArgumentException("level must be at least 1, but was " + level() + " (reward " + rewardId() + ")");
    }
  }

  /** This reward moved to {@code next} with {@code why}, as the next version. */
  public Reward moveTo(RewardState next, String why) {
    return ImmutableReward.copyOf(this).withState(next).withNote(why).withVersion(version() + 1);
  }
}
