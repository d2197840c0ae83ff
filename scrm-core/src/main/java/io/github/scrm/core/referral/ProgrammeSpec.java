package io.github.scrm.core.referral;

import io.github.scrm.core.ScrmStyle;
import io.github.scrm.core.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The definition of a referral programme: its window, trigger, reward policy and rules. Build it with {@code
 * ImmutableProgrammeSpec.builder()} and pass it to {@link Referrals#define}, which checks every value and the legal
 * guardrail and lists every problem at once.
 */
@Value.Immutable
@ScrmStyle
public abstract class ProgrammeSpec {

  /**
   * Stable id, used in reward ids and reports: non-blank, without {@code '|'}, at most {@link
   * io.github.scrm.core.MaxLengths#PROGRAMME_ID} (200) characters.
   */
  public abstract String id();

  /** Name shown to operators. */
  public abstract String name();

  /** First instant at which touches and registrations count. */
  public abstract Instant startsAt();

  /** Instant after which no new referee is attributed. */
  public abstract Instant endsAt();

  /** What the referee must do. */
  public abstract Trigger trigger();

  /** What the referrer earns per qualification. */
  public abstract RewardSpec referrerReward();

  /** Total value the programme may pay; cancelled, denied and clawed-back rewards give theirs back. */
  public abstract Money budget();

  /** Most rewards one referrer may hold (pending, in review, approved or issued). */
  @Value.Default
  public int capPerReferrer() {
    return 50;
  }

  /** How long after a scan its touch may still be attributed. */
  @Value.Default
  public Duration attributionWindow() {
    return Duration.ofDays(7);
  }

  /** Which valid touch wins among touches of the same kind. */
  @Value.Default
  public AttributionModel attributionModel() {
    return AttributionModel.FIRST_TOUCH;
  }

  /** How long a reward stays pending before it is payable (typically the return window); zero pays at once. */
  @Value.Default
  public Duration reviewPeriod() {
    return Duration.ofDays(7);
  }

  /** Qualifications per referrer per rolling hour above which the next ones are flagged for review. */
  @Value.Default
  public int maxQualificationsPerHour() {
    return 10;
  }

  /** How long a reviewer has to decide on a flagged reward. */
  @Value.Default
  public Duration reviewDeadline() {
    return Duration.ofDays(3);
  }

  /** What happens to a flagged reward at its review deadline. */
  @Value.Default
  public LapsePolicy lapsePolicy() {
    return LapsePolicy.DENY;
  }

  /**
   * How many referral levels pay: 1 (the default and the only lawful value without override) pays the direct referrer
   * only; 2 would also pay the referrer's referrer, which the legal guardrail refuses.
   */
  @Value.Default
  public int rewardLevels() {
    return 1;
  }

  /** What an upstream referrer earns per level above the first (only with {@code rewardLevels > 1}). */
  public abstract Optional<RewardSpec> indirectReward();

  /** A price to join the programme (membership fee, required purchase); zero when joining is free. */
  public abstract Optional<Money> entryFee();

  /** An explicit decision to define a programme the legal guardrail would refuse. */
  public abstract Optional<LegalOverride> legalOverride();
}
