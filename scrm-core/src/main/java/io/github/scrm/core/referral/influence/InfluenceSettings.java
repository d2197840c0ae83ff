package io.github.scrm.core.referral.influence;

/**
 * How influence is computed. {@link #defaults()} suits most retailers.
 *
 * @param hops k: downstream conversions and GMV count walks of up to this many hops (1 to 10)
 * @param decayBasisPoints the weight of each further hop, in basis points (5000: a hop counts half the previous one)
 * @param dampingBasisPoints the PageRank damping factor in basis points (8500 is the classic 0.85)
 * @param iterations the most PageRank iterations (1 to 200); it stops earlier once the ranks, which sum to 1, change
 *     by less than 1e-7 in total
 * @param directWeight weight of direct qualified referrals in the final score
 * @param downstreamWeight weight of decayed downstream conversions
 * @param gmvWeight weight of decayed downstream GMV
 * @param rankWeight weight of the PageRank-style score
 */
public record InfluenceSettings(
    int hops, int decayBasisPoints, int dampingBasisPoints, int iterations,
    int directWeight, int downstreamWeight, int gmvWeight, int rankWeight) {

  /** Validates every range, naming the value. */
  public InfluenceSettings {
    check(hops >= 1 && hops <= 10, "hops must be 1 to 10, but was " + hops);
    check(decayBasisPoints >= 0 && decayBasisPoints <= 10_000,
        "decayBasisPoints must be 0 to 10000, but was " + decayBasisPoints);
    check(dampingBasisPoints >= 0 && dampingBasisPoints < 10_000,
        "dampingBasisPoints must be 0 to 9999, but was " + dampingBasisPoints);
    check(iterations >= 1 && iterations <= 200, "iterations must be 1 to 200, but was " + iterations);
    check(directWeight >= 0 && downstreamWeight >= 0 && gmvWeight >= 0 && rankWeight >= 0,
        "component weights must not be negative, but were " + directWeight + ", " + downstreamWeight + ", "
            + gmvWeight + ", " + rankWeight);
    check(directWeight + downstreamWeight + gmvWeight + rankWeight > 0, "at least one component weight must be > 0");
  }

  /** k = 3 hops, decay 50%, damping 0.85, 20 iterations, weights 30/20/20/30. */
  public static InfluenceSettings defaults() {
    return new InfluenceSettings(3, 5000, 8500, 20, 30, 20, 20, 30);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
