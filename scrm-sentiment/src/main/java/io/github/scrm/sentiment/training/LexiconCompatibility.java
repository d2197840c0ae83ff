package io.github.scrm.sentiment.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a model trained with one lexicon version may be loaded with another (the rule is documented on
 * {@link SentimentModel}). A lexicon version is a {@code +}-joined list of {@code source@version} parts, e.g.
 * {@code builtin@2+shop.tsv@3}; two versions are compatible when they name the same sources in the same order.
 */
final class LexiconCompatibility {

  private LexiconCompatibility() {}

  /**
   * Why a model trained with lexicon {@code trained} cannot be loaded with lexicon {@code given}, or empty when it
   * can.
   */
  static Optional<String> refusal(String trained, String given) {
    if (trained.equals(given)) {
      return Optional.empty();
    }
    Optional<List<String>> trainedSources = sources(trained);
    Optional<List<String>> givenSources = sources(given);
    if (trainedSources.isEmpty() || givenSources.isEmpty()) {
      return Optional.of("model was trained with lexicon " + trained + " but " + given + " was given, and at least "
          + "one of them is not a list of source@version parts: load it with lexicon " + trained);
    }
    if (!trainedSources.get().equals(givenSources.get())) {
      return Optional.of("model was trained with lexicon " + trained + " but " + given + " was given: its lexicon "
          + "features were fitted to the sources " + String.join("+", trainedSources.get()) + ", not "
          + String.join("+", givenSources.get()) + "; load it with a lexicon built from the same sources in the "
          + "same order (another version of each is accepted), or retrain it with " + given);
    }
    return Optional.empty();
  }

  /** The sources of a lexicon version, versions dropped; empty when a part has no {@code @}. */
  static Optional<List<String>> sources(String version) {
    List<String> sources = new ArrayList<>();
    for (String part : version.split("\\+", -1)) {
      int at = part.lastIndexOf('@');
      if (at <= 0) {
        return Optional.empty();
      }
      sources.add(part.substring(0, at));
    }
    return Optional.of(sources);
  }
}
