package io.github.scrm.sentiment;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The result of scoring one comment.
 *
 * @param polarity the direction, derived from the negative score by {@link Polarity#ofNegativeScore(double)}
 * @param negativeScore how negative the comment is, in [0, 1]; 0.5 when there is no evidence
 * @param evidence the matched terms and patterns with their weights, in text order
 * @param rules every rule applied anywhere in the comment
 */
public record SentimentScore(Polarity polarity, double negativeScore, List<Evidence> evidence, Set<Rule> rules) {

  private static final SentimentScore NEUTRAL = new SentimentScore(Polarity.NEUTRAL, 0.5, List.of(), Set.of());

  /** Validates the score range and copies the collections. */
  public SentimentScore {
    Objects.requireNonNull(polarity, "polarity");
    if (!(negativeScore >= 0.0 && negativeScore <= 1.0)) {
      throw new IllegalArgumentException("negativeScore must be in [0, 1], but was " + negativeScore);
    }
    evidence = List.copyOf(evidence);
    rules = Set.copyOf(rules);
  }

  /** A score with only a negative score; the polarity follows from it. */
  public static SentimentScore of(double negativeScore, List<Evidence> evidence, Set<Rule> rules) {
    return new SentimentScore(Polarity.ofNegativeScore(negativeScore), negativeScore, evidence, rules);
  }

  /** The score of a comment without evidence (empty text, for instance). */
  public static SentimentScore neutral() {
    return NEUTRAL;
  }
}
