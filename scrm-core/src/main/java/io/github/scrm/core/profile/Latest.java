package io.github.scrm.core.profile;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A value with the instant it was set. Of two, the later wins; at the same instant the larger text form wins, so the
 * result never depends on the order events arrive in.
 */
record Latest<T>(T value, Instant at) {

  static <T> Latest<T> later(Latest<T> a, Latest<T> b) {
    int c = a.at.compareTo(b.at);
    if (c != 0) {
      return c > 0 ? a : b;
    }
    return String.valueOf(a.value).compareTo(String.valueOf(b.value)) >= 0 ? a : b;
  }

  static <T> Latest<T> merge(@Nullable Latest<T> current, T value, Instant at) {
    Latest<T> candidate = new Latest<>(value, at);
    return current == null ? candidate : later(current, candidate);
  }
}
