package io.github.scrm.sentiment.triage;

import io.github.scrm.sentiment.IssueCategory;
import java.util.List;
import java.util.Objects;

/**
 * How often one issue category was complained about in a period, against the period before: the "summarise the
 * problems" step.
 *
 * @param category the category
 * @param count complaints in the period
 * @param previousCount complaints in the equally long period before
 * @param trend the direction
 * @param exampleCommentIds up to three comment ids, most negative first
 */
public record CategorySummary(IssueCategory category, int count, int previousCount, Trend trend,
    List<String> exampleCommentIds) {

  /** Copies the examples. */
  public CategorySummary {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(trend, "trend");
    exampleCommentIds = List.copyOf(exampleCommentIds);
  }

  /** Direction of a count against the previous period. */
  public enum Trend {
    /** More than before. */
    RISING,
    /** As many as before. */
    STEADY,
    /** Fewer than before. */
    FALLING;

    static Trend of(int count, int previous) {
      return count > previous ? RISING : count < previous ? FALLING : STEADY;
    }
  }
}
