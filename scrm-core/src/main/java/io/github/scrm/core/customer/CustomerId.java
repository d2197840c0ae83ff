package io.github.scrm.core.customer;

import io.github.scrm.core.MaxLengths;

/**
 * The library's stable identifier of one natural person, independent of any channel identifier. Ids are opaque: they
 * carry no personal data and are safe to log.
 *
 * @param value 1 to {@link MaxLengths#CUSTOMER_ID} (64) characters from {@code [A-Za-z0-9_.:-]}
 */
public record CustomerId(String value) implements Comparable<CustomerId> {

  /** Validates the value. */
  public CustomerId {
    if (value == null || value.isEmpty() || value.length() > MaxLengths.CUSTOMER_ID) {
      throw new IllegalArgumentException(
          "customer id must have 1 to " + MaxLengths.CUSTOMER_ID + " characters, but was " + describe(value));
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '.' || c == ':' || c == '-';
      if (!ok) {
        throw new IllegalArgumentException(
            "customer id may only contain [A-Za-z0-9_.:-], but had '" + c + "' at index " + i);
      }
    }
  }

  /** Same as the constructor; reads better at call sites. */
  public static CustomerId of(String value) {
    return new CustomerId(value);
  }

  private static String describe(String value) {
    return value == null ? "null" : value.length() + " characters";
  }

  @Override
  public int compareTo(CustomerId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
