package io.github.scrm.cli.io;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** The {@code --as-of} option every command that evaluates at an instant reads the same way. */
public final class AsOf {

  private AsOf() {}

  /** The instant {@code text} names, or now on {@code clock} when it is null; null after reporting a malformed value. */
  public static @Nullable Instant parse(@Nullable String text, Clock clock, Problems problems) {
    if (text == null) {
      return clock.instant();
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      problems.fatal("--as-of must be an ISO-8601 instant such as 2026-06-15T04:00:00Z, but was '" + text + "'");
      return null;
    }
  }
}
