package io.github.scrm.core.event;

import com.google.common.collect.ImmutableMap;
import io.github.scrm.core.MaxLengths;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Construction checks of the event records; every message starts with the field path and gives the actual value. */
final class Check {

  private Check() {}

  static <T> T required(@Nullable T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + ": is required, but was missing");
    }
    return value;
  }

  static String text(@Nullable String value, String field) {
    required(value, field);
    return bounded(value, field);
  }

  static @Nullable String optionalText(@Nullable String value, String field) {
    return value == null ? null : text(value, field);
  }

  /** {@link #text} for personal data: a refusal gives the length, never the value (as every length refusal does). */
  static @Nullable String optionalPersonalText(@Nullable String value, String field) {
    return value == null ? null : bounded(value, field);
  }

  private static String bounded(String value, String field) {
    if (value.isBlank() || value.length() > MaxLengths.EVENT_TEXT) {
      throw new IllegalArgumentException(field + ": must have 1 to " + MaxLengths.EVENT_TEXT
          + " non-blank characters, but " + (value.isBlank() ? "was blank" : "had " + value.length()));
    }
    return value;
  }

  /**
   * The largest amount an event may carry, in minor units: 10<sup>15</sup>, ten trillion yuan. Far above any order, and
   * low enough that the totals of thousands of such amounts still fit a {@code long}.
   */
  static final long MAX_AMOUNT = 1_000_000_000_000_000L;

  static Money nonNegative(@Nullable Money value, String field) {
    required(value, field);
    if (value.isNegative()) {
      throw new IllegalArgumentException(field + ": must not be negative, but was " + value.minorUnits());
    }
    if (value.minorUnits() > MAX_AMOUNT) {
      throw new IllegalArgumentException(
          field + ": must be at most " + MAX_AMOUNT + " minor units, but was " + value.minorUnits());
    }
    return value;
  }

  static void sameCurrency(Money reference, Money value, String field, String referenceField) {
    if (!reference.currency().equals(value.currency())) {
      throw new IllegalArgumentException(field + ": currency must be " + reference.currency() + " like "
          + referenceField + ", but was " + value.currency());
    }
  }

  static <T> List<T> list(@Nullable List<T> values, String field) {
    if (values == null) {
      return List.of();
    }
    for (int i = 0; i < values.size(); i++) {
      required(values.get(i), field + "[" + i + "]");
    }
    return List.copyOf(values);
  }

  static List<String> texts(@Nullable List<String> values, String field) {
    List<String> copy = list(values, field);
    for (int i = 0; i < copy.size(); i++) {
      text(copy.get(i), field + "[" + i + "]");
    }
    return copy;
  }

  /**
   * An immutable copy that iterates in the caller's order (where {@code Map.copyOf} has no order). A null key or value
   * is refused with an {@link IllegalArgumentException} that names {@code field} and, for a null value, the key (the
   * keys are attribute names, never personal data); a value never reaches the message.
   */
  static Map<String, String> map(@Nullable Map<String, String> values, String field) {
    if (values == null) {
      return Map.of();
    }
    if (values instanceof ImmutableMap<String, String> copy) {
      return copy; // holds no nulls and keeps its order: the with... copies pass their own map back
    }
    values.forEach((k, v) -> {
      if (k == null) {
        throw new IllegalArgumentException(field + ": keys are required, but one was null");
      }
      if (v == null) {
        throw new IllegalArgumentException(field + "." + k + ": is required, but was null");
      }
    });
    return ImmutableMap.copyOf(values);
  }

  static List<Identifier> identifiers(@Nullable List<Identifier> identifiers) {
    List<Identifier> copy = list(identifiers, "identifiers");
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("identifiers: must carry at least one identifier, but was empty");
    }
    return copy;
  }

  static void common(
      @Nullable String eventId, @Nullable Instant occurredAt, @Nullable Instant receivedAt,
      @Nullable String sourceChannel) {
    required(eventId, "eventId");
    if (eventId.isBlank() || eventId.length() > MaxLengths.EVENT_ID) {
      throw new IllegalArgumentException("eventId: must have 1 to " + MaxLengths.EVENT_ID
          + " non-blank characters, but " + (eventId.isBlank() ? "was blank" : "had " + eventId.length()));
    }
    required(occurredAt, "occurredAt");
    required(receivedAt, "receivedAt");
    text(sourceChannel, "sourceChannel");
  }
}
