package io.github.scrm.sentiment.triage;

import io.github.scrm.sentiment.CommentAnalysis;
import io.github.scrm.sentiment.Severity;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The queue's mutable state for one comment; guarded by the queue's lock. */
final class Entry {
  Comment comment;
  CommentAnalysis analysis;
  Severity severity;
  String severityReason;
  /**
   * The issue categories of the text that set {@link #severity}: a comment re-submitted with milder text keeps its
   * severity, and what justified it.
   */
  List<String> severityCategories;
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
    this.severityCategories = analysis.categoryIds();
    this.openedAt = comment.createdAt();
    this.observedAt = observedAt;
  }

  static long interactions(Comment c) {
    long r = c.likes() + 2 * Math.min(c.reposts(), Long.MAX_VALUE / 4) + c.replies();
    return r < 0 ? Long.MAX_VALUE : r;
  }

  /**
   * The issue categories to show: those of the current text, after those of the text that set a severity above the
   * current text's (most severe first, each once).
   */
  List<String> categories() {
    if (!severity.isAbove(analysis.severity()) || severityCategories.isEmpty()) {
      return analysis.categoryIds();
    }
    LinkedHashSet<String> all = new LinkedHashSet<>(severityCategories);
    all.addAll(analysis.categoryIds());
    return List.copyOf(all);
  }

  String id() {
    return comment.id();
  }
}
