package io.github.scrm.sentiment;

import java.util.Objects;

/**
 * An issue a comment can complain about (delivery speed, food safety ...). Declared in the lexicon with
 * {@code @category id severity label}; hosts add their own the same way.
 *
 * @param id a stable identifier of lower-case letters, digits and underscores
 * @param severity the severity a complaint in this category has at least
 * @param label a human-readable name used in reasons
 */
public record IssueCategory(String id, Severity severity, String label) {

  /** Validates the id. */
  public IssueCategory {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(label, "label");
    if (id == null || !id.matches("[a-z0-9_]{1,64}")) {
      throw new IllegalArgumentException("category id must match [a-z0-9_]{1,64}, but was '" + id + "'");
    }
  }
}
