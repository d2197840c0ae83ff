package io.github.scrm.core.profile;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a customer's member level history.
 *
 * @param level the level from {@code since}
 * @param since when the customer reached it
 */
public record LevelChange(String level, Instant since) {

  /** Validates the parts. */
  public LevelChange {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(since, "since");
  }
}
