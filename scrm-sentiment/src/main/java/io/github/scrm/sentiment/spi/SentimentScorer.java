package io.github.scrm.sentiment.spi;

import io.github.scrm.sentiment.SentimentScore;
import io.github.scrm.sentiment.StarRating;
import org.jspecify.annotations.Nullable;

/**
 * Scores how negative a comment is. The library's defaults are the lexicon scorer
 * ({@code Sentiment.defaultScorer()}) and trained models ({@code io.github.scrm.sentiment.training}); a host may plug in
 * its own model (a remote BERT service, say) and everything else (categories, severity, the priority queue) works
 * with it.
 *
 * <p>Implementations must be thread-safe and must never throw on any input: null, empty, huge, binary or malformed
 * UTF-16 text gets a score (neutral when nothing can be said). A remote scorer that fails should return
 * {@link SentimentScore#neutral()} and log, not throw.
 */
@FunctionalInterface
public interface SentimentScorer {

  /**
   * Scores one comment.
   *
   * @param text the comment, possibly null or empty
   * @return the score; never null
   */
  SentimentScore score(@Nullable String text);

  /**
   * Scores a comment given with a star rating; by default shifts the text score's log-odds by the rating.
   *
   * @param text the comment
   * @param rating the rating
   */
  default SentimentScore score(@Nullable String text, StarRating rating) {
    return rating.applyTo(score(text));
  }
}
