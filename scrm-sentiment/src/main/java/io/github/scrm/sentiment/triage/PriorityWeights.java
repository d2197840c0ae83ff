package io.github.scrm.sentiment.triage;

import io.github.scrm.sentiment.Severity;
import org.immutables.value.Value;

/**
 * The weights of the priority function (docs/sentiment.md, "Priority"). Priority is the severity's base weight plus
 * each factor, normalised to [0, 1] (waiting to [0, 2]), times its weight:
 *
 * <pre>
 * priority = severity base (critical 10, high 6, medium 3, low 1, none 0)
 *          + negativity    1.0 x negative score
 *          + reach         1.5 x min(1, log10(1 + followers + likes + 2 reposts + replies) / 6)
 *          + velocity      0.5 x min(1, log10(1 + engagement growth per hour) / 4)
 *          + customerValue 0.5 x min(1, log10(1 + spend in yuan) / 5)
 *          + waiting       1.0 x min(2, time unanswered / SLA of the severity)
 *          + repeatedAsks  1.0 x min(1, earlier unanswered asks by the author in the thread / 3)
 *          + clusterSize   1.5 x min(1, log2(cluster size) / 5)
 *          + clusterGrowth 0.5 x min(1, cluster members in the last cluster window / 10)
 * </pre>
 *
 * With the defaults all factors together add at most 8.5, less than the 9 between critical and low, so every critical
 * comment outranks every low one while reach, waiting and cluster size still order comments within and across
 * neighbouring severities.
 */
@Value.Immutable
public abstract class PriorityWeights {

  /** The documented defaults. */
  public static PriorityWeights defaults() {
    return ImmutablePriorityWeights.builder().build();
  }

  /** A builder starting from the defaults. */
  public static ImmutablePriorityWeights.Builder builder() {
    return ImmutablePriorityWeights.builder();
  }

  /** Base for critical. */
  @Value.Default
  public double critical() {
    return 10;
  }

  /** Base for high. */
  @Value.Default
  public double high() {
    return 6;
  }

  /** Base for medium. */
  @Value.Default
  public double medium() {
    return 3;
  }

  /** Base for low. */
  @Value.Default
  public double low() {
    return 1;
  }

  /** Weight of the negative score. */
  @Value.Default
  public double negativity() {
    return 1.0;
  }

  /** Weight of reach. */
  @Value.Default
  public double reach() {
    return 1.5;
  }

  /** Weight of engagement growth. */
  @Value.Default
  public double velocity() {
    return 0.5;
  }

  /** Weight of customer value. */
  @Value.Default
  public double customerValue() {
    return 0.5;
  }

  /** Weight of time waiting for a reply against the SLA. */
  @Value.Default
  public double waiting() {
    return 1.0;
  }

  /** Weight of repeated asks by the same author. */
  @Value.Default
  public double repeatedAsks() {
    return 1.0;
  }

  /** Weight of the issue cluster's size. */
  @Value.Default
  public double clusterSize() {
    return 1.5;
  }

  /** Weight of the issue cluster's recent growth. */
  @Value.Default
  public double clusterGrowth() {
    return 0.5;
  }

  /** The base weight of a severity. */
  public double base(Severity severity) {
    return switch (severity) {
      case CRITICAL -> critical();
      case HIGH -> high();
      case MEDIUM -> medium();
      case LOW -> low();
      case NONE -> 0;
    };
  }

  @Value.Check
  void check() {
    double[] all = {critical(), high(), medium(), low(), negativity(), reach(), velocity(), customerValue(), waiting(),
        repeatedAsks(), clusterSize(), clusterGrowth()};
    for (double w : all) {
      if (!(w >= 0 && w <= 1000)) {
        throw new IllegalArgumentException("priority weights must be between 0 and 1000, but one was " + w);
      }
    }
  }
}
