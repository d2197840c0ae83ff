package io.github.scrm.sentiment;

import io.github.scrm.sentiment.spi.SentimentScorer;

/**
 * Entry point of the sentiment module.
 *
 * <pre>{@code
 * SentimentScorer scorer = Sentiment.defaultScorer();
 * SentimentScore score = scorer.score("好吃，就是送得太慢了");
 *
 * CommentAnalyzer analyzer = Sentiment.analyzer().build();
 * CommentAnalysis analysis = analyzer.analyze("吃完拉肚子，我要打12315");   // critical, with reasons
 * }</pre>
 *
 * <p>The priority queue is {@code io.github.scrm.sentiment.triage.TriageQueue}; trained models are in
 * {@code io.github.scrm.sentiment.training}.
 */
public final class Sentiment {

  private static volatile SentimentScorer defaultScorer;

  private Sentiment() {}

  /** The lexicon-and-rules scorer over the {@linkplain Lexicon#builtIn() built-in lexicon}. Thread-safe. */
  public static SentimentScorer defaultScorer() {
    SentimentScorer result = defaultScorer;
    if (result == null) {
      result = new LexiconScorer(Lexicon.builtIn());
      defaultScorer = result;
    }
    return result;
  }

  /** The lexicon-and-rules scorer over {@code lexicon}, e.g. {@code Lexicon.builtIn().extendedWith(mine)}. */
  public static SentimentScorer lexiconScorer(Lexicon lexicon) {
    return new LexiconScorer(lexicon);
  }

  /** A builder for the analyzer that adds issue categories and severity to a score. */
  public static CommentAnalyzer.Builder analyzer() {
    return CommentAnalyzer.builder();
  }
}
