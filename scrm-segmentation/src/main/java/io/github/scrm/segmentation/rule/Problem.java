package io.github.scrm.segmentation.rule;

/**
 * One problem found in a rule set, a fixture or an expectation file, with where it is.
 *
 * @param code a stable kind such as {@code unknown-attribute}, {@code type-mismatch} or {@code syntax}
 * @param message what is wrong, with the actual value and, where possible, the fix
 * @param pointer JSON pointer into the document ({@code /rules/3/when}), empty for the whole document
 * @param line 1-based line inside expression text (or the JSON document for malformed JSON), 0 when not applicable
 * @param column 1-based column, 0 when not applicable
 */
public record Problem(String code, String message, String pointer, int line, int column) {

  /** A problem located by pointer only. */
  public static Problem at(String code, String pointer, String message) {
    return new Problem(code, message, pointer, 0, 0);
  }

  /** For example {@code /rules/2/when 1:17: unknown attribute 'orders.cnt' (did you mean 'orders.count'?)}. */
  @Override
  public String toString() {
    String where = pointer.isEmpty() ? "/" : pointer;
    return line > 0 ? where + " " + line + ":" + column + ": " + message + " [" + code + "]"
        : where + ": " + message + " [" + code + "]";
  }
}
