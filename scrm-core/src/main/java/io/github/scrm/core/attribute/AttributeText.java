package io.github.scrm.core.attribute;

import com.google.common.collect.ImmutableSet;
import io.github.scrm.core.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.stream.Collectors;

/**
 * The text form of attribute values, used for host-defined attributes carried in events and in JSON: booleans
 * {@code true}/{@code false}, longs and decimals as plain numbers, money as {@code "300.00 CNY"}, sets as
 * comma-separated elements ({@code "red,blue"}, elements may not contain commas), instants as ISO-8601
 * ({@code 2026-06-01T02:00:00Z}), dates as {@code 2026-06-01}.
 */
public final class AttributeText {

  private AttributeText() {}

  /** Parses {@code text} as a value of {@code key}, naming the attribute, its type and the text when it fails. */
  public static <T> T parse(AttributeKey<T> key, String text) {
    try {
      return key.cast(parse(key.type(), text.trim()));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          key.name() + ": must be a " + key.type() + " in text form, but was '" + text + "'", e);
    }
  }

  private static Object parse(AttributeType type, String text) {
    switch (type) {
      case BOOLEAN:
        if (!text.equals("true") && !text.equals("false")) {
          throw new IllegalArgumentException("not a boolean");
        }
        return Boolean.valueOf(text);
      case LONG:
        return Long.valueOf(text);
      case DECIMAL:
        return new BigDecimal(text);
      case MONEY: {
        int space = text.lastIndexOf(' ');
        if (space < 0) {
          throw new IllegalArgumentException("money needs a currency");
        }
        Currency currency = Currency.getInstance(text.substring(space + 1));
        return Money.parse(text.substring(0, space), currency);
      }
      case STRING:
        return text;
      case STRING_SET:
        return text.isEmpty() ? ImmutableSet.of()
            : ImmutableSet.copyOf(java.util.Arrays.stream(text.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).iterator());
      case INSTANT:
        return Instant.parse(text);
      case DATE:
        return LocalDate.parse(text);
      default:
        throw new IllegalStateException("unknown attribute type " + type);
    }
  }

  /** The text form of {@code value}. */
  public static <T> String format(AttributeKey<T> key, T value) {
    if (value instanceof Money money) {
      return money.toMajor().toPlainString() + " " + money.currency().getCurrencyCode();
    }
    if (value instanceof ImmutableSet<?> set) {
      return set.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return String.valueOf(value);
  }
}
