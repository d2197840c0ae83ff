package io.github.scrm.sentiment;

import java.util.Objects;
import java.util.Set;

/**
 * One piece of evidence behind a score: a matched term or a punctuation pattern.
 *
 * @param term the matched text in normalised form (simplified Chinese, lower case, half-width)
 * @param weight its contribution after the rules: above zero pushes towards negative, below zero towards positive
 * @param rules the rules that changed the weight, empty when the lexicon weight was used as is
 */
public record Evidence(String term, double weight, Set<Rule> rules) {

  /** Copies the rules. */
  public Evidence {
    Objects.requireNonNull(term, "term");
    rules = Set.copyOf(rules);
  }
}
