package io.github.scrm.sentiment;

import io.github.scrm.sentiment.internal.LexiconEngine;
import io.github.scrm.sentiment.spi.SentimentScorer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Scores a comment and finds what it complains about: issue categories with their trigger words and a severity with
 * its reason. Categories come from the lexicon (always), negativity from the configured scorer (the lexicon scorer by
 * default, or a trained or host model). A mixed review with a real complaint ("好吃，就是送得太慢") still surfaces
 * the complaint's category and severity, while a comment that scores positive overall is at most {@link Severity#HIGH}.
 * Thread-safe.
 */
public final class CommentAnalyzer {

  /** A comment without a category is a low-severity complaint once its negative score reaches this. */
  public static final double LOW_SEVERITY_THRESHOLD = 0.55;

  private static final Comparator<CategoryMatch> MOST_SEVERE_FIRST =
      Comparator.comparing((CategoryMatch m) -> m.category().severity()).reversed();

  private final Lexicon lexicon;
  private final LexiconEngine engine;
  private final SentimentScorer scorer;
  private final boolean scorerIsLexicon;

  private CommentAnalyzer(Lexicon lexicon, SentimentScorer scorer) {
    this.lexicon = lexicon;
    this.engine = lexicon.engine();
    this.scorer = scorer;
    this.scorerIsLexicon = scorer instanceof LexiconScorer ls && ls.lexicon() == lexicon;
  }

  /** A builder; with no settings it uses the built-in lexicon and the default scorer. */
  public static Builder builder() {
    return new Builder();
  }

  /** Analyzes a comment. Never throws on any string. */
  public CommentAnalysis analyze(@Nullable String text) {
    return analyze(text, null);
  }

  /** Analyzes a comment given with a star rating (may be null). Never throws on any string. */
  public CommentAnalysis analyze(@Nullable String text, @Nullable StarRating rating) {
    LexiconEngine.Result result;
    try {
      result = engine.analyze(text);
    } catch (RuntimeException e) {
      result = new LexiconEngine.Result(SentimentScore.neutral(), List.of());
    }
    SentimentScore score = scorerIsLexicon ? result.score() : scorer.score(text);
    if (rating != null) {
      score = rating.applyTo(score);
    }
    List<CategoryMatch> categories = result.categories();
    if (categories.size() > 1) {
      categories = new ArrayList<>(categories);
      categories.sort(MOST_SEVERE_FIRST);
    }
    return new CommentAnalysis(score, categories, severity(categories, score), reason(categories, score));
  }

  /** The lexicon categories and trigger words come from. */
  public Lexicon lexicon() {
    return lexicon;
  }

  /** The scorer negativity comes from. */
  public SentimentScorer scorer() {
    return scorer;
  }

  private static Severity severity(List<CategoryMatch> categories, SentimentScore score) {
    if (!categories.isEmpty()) {
      Severity top = categories.get(0).category().severity();
      // a comment that scores positive overall is worth a look, not an alarm
      return top == Severity.CRITICAL && isPositive(score) ? Severity.HIGH : top;
    }
    return score.negativeScore() >= LOW_SEVERITY_THRESHOLD ? Severity.LOW : Severity.NONE;
  }

  private static boolean isPositive(SentimentScore score) {
    return score.polarity() == Polarity.POSITIVE;
  }

  private static String reason(List<CategoryMatch> categories, SentimentScore score) {
    if (categories.isEmpty()) {
      return score.negativeScore() >= LOW_SEVERITY_THRESHOLD ? "low: mild dissatisfaction" : "none: no complaint";
    }
    CategoryMatch top = categories.get(0);
    StringBuilder sb = new StringBuilder(96).append(severity(categories, score).label()).append(": ")
        .append(top.category().label()).append(" (");
    List<String> triggers = top.triggers();
    for (int i = 0; i < triggers.size(); i++) {
      sb.append(i > 0 ? ", " : "").append(triggers.get(i));
    }
    sb.append(')');
    if (top.category().severity() == Severity.CRITICAL && isPositive(score)) {
      sb.append(", in a comment that is positive overall");
    }
    if (categories.size() > 1) {
      sb.append("; also ");
      for (int i = 1; i < categories.size(); i++) {
        sb.append(i > 1 ? ", " : "").append(categories.get(i).category().label());
      }
    }
    return sb.toString();
  }

  /** Configures an analyzer. */
  public static final class Builder {
    private @Nullable Lexicon lexicon;
    private @Nullable SentimentScorer scorer;

    private Builder() {}

    /** The lexicon for categories (and for the default scorer); the built-in one when not set. */
    public Builder lexicon(Lexicon lexicon) {
      this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
      return this;
    }

    /** The scorer for negativity; the lexicon scorer over the lexicon when not set. */
    public Builder scorer(SentimentScorer scorer) {
      this.scorer = Objects.requireNonNull(scorer, "scorer");
      return this;
    }

    /** Builds the analyzer. */
    public CommentAnalyzer build() {
      Lexicon lex = lexicon != null ? lexicon : Lexicon.builtIn();
      SentimentScorer s = scorer != null ? scorer : new LexiconScorer(lex);
      return new CommentAnalyzer(lex, s);
    }
  }
}
