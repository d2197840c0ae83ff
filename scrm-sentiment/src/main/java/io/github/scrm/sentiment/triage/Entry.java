package io.github.scrm.sentiment.triage;

import io.github.scrm.sentiment.CommentAnalysis;
import io.github.scrm.sentiment.Severity;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The queue's mutable state for one comment; guarded by the queue's lock. */
final class Entry {
  Comment comment;
  CommentAnalysis analysis;
  Severity severity;
  String severityReason;
  String clusterId = "";
  CommentStatus status = CommentStatus.OPEN;
  Instant openedAt;
  /** When the brand last replied or resolved it; null while it is open and was never answered. */
  @Nullable Instant repliedAt;
  int repeats;
  boolean reopened;
  long interactions;
  Instant observedAt;
  double perHour;
  double valueNorm;
  @Nullable String valueReason;
  boolean slaEscalated;
  long generation;

  Entry(Comment comment, CommentAnalysis analysis, Instant observedAt) {
    this.comment = comment;
    this.analysis = analysis;
    this.severity = analysis.severity();
    this.severityReason = analysis.severityReason();
    this.openedAt = comment.createdAt();
    this.observedAt = observedAt;
  }

  static long interactions(Comment c) {
    long r = c.likes() + 2 * Math.min(c.reposts(), Long.MAX_VALUE / 4) + c.replies();
    return r < 0 ? Long.MAX_VALUE : r;
  }

  String id() {
    return comment.id();
  }
}
