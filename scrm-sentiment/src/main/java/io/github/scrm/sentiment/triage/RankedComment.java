package io.github.scrm.sentiment.triage;

import io.github.scrm.sentiment.CommentAnalysis;
import io.github.scrm.sentiment.Severity;
import java.util.List;
import java.util.Objects;

/**
 * One line of the queue's answer to "what next?".
 *
 * @param rank 1 for the most urgent
 * @param commentId the comment
 * @param priority the value of the priority function now
 * @param severity the severity, raised to high for a question asked again unanswered
 * @param categories the issue category ids, most severe first: for a comment re-submitted with milder text, those of
 *     the text that set its severity come first
 * @param clusterId the issue cluster, empty when the comment is in none
 * @param reasons why it ranks here, most important first
 * @param analysis the full analysis with the sentiment evidence
 */
public record RankedComment(int rank, String commentId, double priority, Severity severity, List<String> categories,
    String clusterId, List<String> reasons, CommentAnalysis analysis) {

  /** Copies the lists. */
  public RankedComment {
    Objects.requireNonNull(commentId, "commentId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(clusterId, "clusterId");
    Objects.requireNonNull(analysis, "analysis");
    categories = List.copyOf(categories);
    reasons = List.copyOf(reasons);
  }
}
