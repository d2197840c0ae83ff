package io.github.scrm.sentiment;

import io.github.scrm.sentiment.internal.LexiconEngine;
import io.github.scrm.sentiment.spi.SentimentScorer;
import org.jspecify.annotations.Nullable;

/** The default scorer: a lexicon plus language rules. */
final class LexiconScorer implements SentimentScorer {

  private final Lexicon lexicon;
  private final LexiconEngine engine;

  LexiconScorer(Lexicon lexicon) {
    this.lexicon = lexicon;
    this.engine = lexicon.engine();
  }

  Lexicon lexicon() {
    return lexicon;
  }

  LexiconEngine engine() {
    return engine;
  }

  @Override
  public SentimentScore score(@Nullable String text) {
    try {
      return engine.score(text);
    } catch (RuntimeException e) {
      // the engine is written not to throw; this keeps the SPI promise should a bug slip through
      return SentimentScore.neutral();
    }
  }

  @Override
  public String toString() {
    return "LexiconScorer[" + lexicon.version() + "]";
  }
}
