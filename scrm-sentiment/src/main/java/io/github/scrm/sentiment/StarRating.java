package io.github.scrm.sentiment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * A star rating given with a comment, 1 to 5. One or two stars count strongly negative, three slightly negative,
 * four and five positive.
 *
 * @param stars 1 to 5
 */
public record StarRating(int stars) {

  private static final double[] LOGIT_SHIFT = {0, 3.0, 2.0, 0.4, -1.5, -2.5};

  /** Validates the range. */
  public StarRating {
    if (stars < 1 || stars > 5) {
      throw new IllegalArgumentException("stars must be between 1 and 5, but was " + stars);
    }
  }

  /** Same as the constructor. */
  public static StarRating of(int stars) {
    return new StarRating(stars);
  }

  /**
   * Combines a text score with this rating by shifting its log-odds: works with any scorer.
   *
   * @param score the score of the text alone
   * @return the combined score with the rating as evidence
   */
  public SentimentScore applyTo(SentimentScore score) {
    double p = Math.min(1 - 1e-6, Math.max(1e-6, score.negativeScore()));
    double logit = Math.log(p / (1 - p)) + LOGIT_SHIFT[stars];
    double combined = 1.0 / (1.0 + Math.exp(-logit));
    List<Evidence> evidence = new ArrayList<>(score.evidence());
    evidence.add(new Evidence(stars + " stars", LOGIT_SHIFT[stars], EnumSet.of(Rule.RATING)));
    EnumSet<Rule> rules = EnumSet.of(Rule.RATING);
    rules.addAll(score.rules());
    return SentimentScore.of(combined, evidence, rules);
  }
}
