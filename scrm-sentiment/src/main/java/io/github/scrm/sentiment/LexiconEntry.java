package io.github.scrm.sentiment;

import java.util.List;
import java.util.Objects;

/**
 * One lexicon line.
 *
 * @param term the term as written; matched after normalisation
 * @param kind what it does
 * @param weight its strength (sentiment weight, or multiplier for degree adverbs), at least 0
 * @param categories ids of the issue categories it triggers
 * @param modifier when above zero, a positive term directly followed by another sentiment term acts as a degree
 *     adverb with this multiplier (好 in 好慢); 0 otherwise
 */
public record LexiconEntry(String term, TermKind kind, double weight, List<String> categories, double modifier) {

  /** Validates the parts. */
  public LexiconEntry {
    Objects.requireNonNull(kind, "kind");
    if (term == null || term.isBlank()) {
      throw new IllegalArgumentException("term must not be blank, but was '" + term + "'");
    }
    if (!(weight >= 0 && weight <= 100)) {
      throw new IllegalArgumentException("weight must be between 0 and 100, but was " + weight);
    }
    if (!(modifier >= 0 && modifier <= 10)) {
      throw new IllegalArgumentException("modifier must be between 0 and 10, but was " + modifier);
    }
    categories = List.copyOf(categories);
  }
}
