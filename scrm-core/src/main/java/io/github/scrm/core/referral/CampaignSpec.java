package io.github.scrm.core.referral;

import io.github.scrm.core.ScrmStyle;
import io.github.scrm.core.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;

/**
 * A supporter campaign (好友助力 / 任务宝): a customer gets a poster and earns ladder rewards as distinct friends
 * support it before the deadline. Build with {@code ImmutableCampaignSpec.builder()}, pass to {@link
 * SupporterCampaigns#define}.
 */
@Value.Immutable
@ScrmStyle
public abstract class CampaignSpec {

  /**
   * Stable id: non-blank, without {@code '|'}, at most {@link io.github.scrm.core.MaxLengths#PROGRAMME_ID} (200)
   * characters.
   */
  public abstract String id();

  /** Name shown to operators. */
  public abstract String name();

  /** First instant at which posters and supports count. */
  public abstract Instant startsAt();

  /** Instant after which supports no longer count. */
  public abstract Instant deadline();

  /** The rungs, in increasing order of supporters (for example 3, 6 and 12). */
  public abstract List<LadderStep> ladder();

  /** Total value the campaign may pay. */
  public abstract Money budget();

  /** How many posters one supporter may support in this campaign. */
  @Value.Default
  public int postersPerSupporter() {
    return 1;
  }

  /** Supporters of one poster on the same device, or on the same network, from which the poster is flagged. */
  @Value.Default
  public int clusterThreshold() {
    return 3;
  }

  /** Posters one supporter tried to support from which every poster they support is flagged. */
  @Value.Default
  public int serialSupporterThreshold() {
    return 5;
  }

  /** How long a reviewer has to decide on a flagged ladder reward. */
  @Value.Default
  public Duration reviewDeadline() {
    return Duration.ofDays(3);
  }

  /** What happens to a flagged ladder reward at its review deadline. */
  @Value.Default
  public LapsePolicy lapsePolicy() {
    return LapsePolicy.DENY;
  }
}
