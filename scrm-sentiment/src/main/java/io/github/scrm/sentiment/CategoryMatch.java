package io.github.scrm.sentiment;

import java.util.List;
import java.util.Objects;

/**
 * An issue category a comment complains about, with the terms that triggered it.
 *
 * @param category the category
 * @param triggers the matched terms, normalised, in text order
 */
public record CategoryMatch(IssueCategory category, List<String> triggers) {

  /** Copies the triggers. */
  public CategoryMatch {
    Objects.requireNonNull(category, "category");
    triggers = List.copyOf(triggers);
  }
}
