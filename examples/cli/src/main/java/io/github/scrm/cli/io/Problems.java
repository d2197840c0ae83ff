package io.github.scrm.cli.io;

import java.io.PrintWriter;

/**
 * Collects and prints problems as {@code file:line: field 'name': message}, so a user finds the bad cell at once. Rows
 * with problems are skipped; the rest of the input continues.
 */
public final class Problems {

  private final PrintWriter err;
  private long rows;

  /** Prints to {@code err}. */
  public Problems(PrintWriter err) {
    this.err = err;
  }

  /** Reports a problem with a field of a row. */
  public void field(Row row, String field, String message) {
    at(row.source(), row.line(), "field '" + field + "': " + message);
  }

  /** Reports a problem with a row or line as a whole. */
  public void at(String source, long line, String message) {
    rows++;
    err.println(source + ":" + line + ": " + message);
    err.flush();
  }

  /** Reports a problem that stops the command (missing file or column). */
  public void fatal(String message) {
    rows++;
    err.println("error: " + message);
    err.flush();
  }

  /** Prints an informational line. */
  public void info(String message) {
    err.println(message);
    err.flush();
  }

  /** How many problems were reported. */
  public long count() {
    return rows;
  }
}
