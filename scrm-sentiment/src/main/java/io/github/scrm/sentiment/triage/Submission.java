package io.github.scrm.sentiment.triage;

import io.github.scrm.sentiment.CommentAnalysis;
import io.github.scrm.sentiment.Severity;
import java.util.List;
import java.util.Objects;

/**
 * What the queue made of a submitted comment.
 *
 * @param commentId the comment
 * @param analysis its analysis
 * @param severity its severity in the queue (raised to high for a question asked again unanswered)
 * @param clusterId its issue cluster, empty when none
 * @param reopenedCommentIds earlier comments by the same author in the thread that this follow-up reopened
 * @param update true when the comment was already known and this submission updated it
 */
public record Submission(String commentId, CommentAnalysis analysis, Severity severity, String clusterId,
    List<String> reopenedCommentIds, boolean update) {

  /** Copies the list. */
  public Submission {
    Objects.requireNonNull(commentId, "commentId");
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(clusterId, "clusterId");
    reopenedCommentIds = List.copyOf(reopenedCommentIds);
  }
}
