package io.github.scrm.sentiment;

/** The overall direction of a comment. */
public enum Polarity {
  /** The comment complains. */
  NEGATIVE,
  /** No clear direction, or no evidence at all (empty text is neutral). */
  NEUTRAL,
  /** The comment praises. */
  POSITIVE;

  /**
   * The polarity of a negative score: negative above 0.55, positive below 0.45, neutral in between.
   *
   * @param negativeScore a score in [0, 1]
   */
  public static Polarity ofNegativeScore(double negativeScore) {
    if (negativeScore > 0.55) {
      return NEGATIVE;
    }
    return negativeScore < 0.45 ? POSITIVE : NEUTRAL;
  }
}
