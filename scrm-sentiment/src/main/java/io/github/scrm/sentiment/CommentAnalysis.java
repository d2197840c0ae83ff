package io.github.scrm.sentiment;

import java.util.List;
import java.util.Objects;

/**
 * Everything the analyzer finds in one comment.
 *
 * @param score the sentiment score
 * @param categories the issue categories complained about, most severe first
 * @param severity how urgent the complaint is
 * @param severityReason why, e.g. {@code "critical: Hygiene or food safety (苍蝇)"}
 */
public record CommentAnalysis(
    SentimentScore score, List<CategoryMatch> categories, Severity severity, String severityReason) {

  /** Copies the categories. */
  public CommentAnalysis {
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(severityReason, "severityReason");
    categories = List.copyOf(categories);
  }

  /** The category ids, most severe first. */
  public List<String> categoryIds() {
    return categories.stream().map(c -> c.category().id()).toList();
  }
}
