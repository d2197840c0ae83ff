package io.github.scrm.core.event;

import java.util.List;

/**
 * The result of a JSON Lines import: every line is either accepted, a duplicate, or rejected with its line number
 * and reason. Accepted lines are applied even when others fail.
 *
 * @param lines lines read, blank ones included
 * @param accepted events recorded and applied
 * @param duplicates events already recorded before
 * @param rejected the refused lines, in file order
 */
public record ImportReport(long lines, long accepted, long duplicates, List<JsonLines.BadLine> rejected) {

  /** Copies the list. */
  public ImportReport {
    rejected = List.copyOf(rejected);
  }

  /** Whether every non-blank line was accepted or a duplicate. */
  public boolean clean() {
    return rejected.isEmpty();
  }
}
