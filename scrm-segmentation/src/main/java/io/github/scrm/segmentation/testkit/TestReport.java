package io.github.scrm.segmentation.testkit;

import com.google.common.collect.ImmutableList;
import io.github.scrm.segmentation.rule.Problem;
import java.util.List;

/**
 * The outcome of running expectations against fixtures.
 *
 * @param checked expectations evaluated
 * @param failures expectations that did not hold, each with the explain tree of its tag
 * @param problems problems in the rule set, fixtures or expectation file (nothing ran when there are any)
 */
public record TestReport(int checked, List<Failure> failures, List<Problem> problems) {

  /**
   * One failed expectation.
   *
   * @param line the line of the expectation file
   * @param expectation the expectation as written
   * @param explanation why the tag did or did not match, printable
   */
  public record Failure(int line, String expectation, String explanation) {}

  /** Copies the lists. */
  public TestReport {
    failures = ImmutableList.copyOf(failures);
    problems = ImmutableList.copyOf(problems);
  }

  /** Whether there were no problems and every expectation held. */
  public boolean passed() {
    return problems.isEmpty() && failures.isEmpty();
  }

  /** Throws an {@link AssertionError} listing the problems or the failures with their explain trees. */
  public void assertPassed() {
    if (!passed()) {
      throw new AssertionError(describe());
    }
  }

  /** A summary for people: problems, then each failure with its explain tree. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    if (!problems.isEmpty()) {
      sb.append(problems.size()).append(" problem(s), nothing was run:\n");
      problems.forEach(p -> sb.append("  ").append(p).append('\n'));
      return sb.toString();
    }
    sb.append(checked - failures.size()).append(" of ").append(checked).append(" expectations hold\n");
    for (Failure f : failures) {
      sb.append("\nline ").append(f.line()).append(": ").append(f.expectation()).append(" does not hold\n")
          .append(f.explanation());
    }
    return sb.toString();
  }
}
