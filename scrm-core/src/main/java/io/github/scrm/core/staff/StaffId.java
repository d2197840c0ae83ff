package io.github.scrm.core.staff;

import io.github.scrm.core.MaxLengths;

/**
 * Identifies one staff member (a store employee, a customer-service agent). Opaque and safe to log.
 *
 * @param value 1 to {@link MaxLengths#STAFF_ID} (64) non-blank characters
 */
public record StaffId(String value) implements Comparable<StaffId> {

  /** Validates the value. */
  public StaffId {
    if (value == null || value.isBlank() || value.length() > MaxLengths.STAFF_ID) {
      throw new IllegalArgumentException("staff id must have 1 to " + MaxLengths.STAFF_ID + " non-blank characters, "
          + (value == null ? "but was null" : value.isBlank() ? "but was blank" : "but had " + value.length()));
    }
  }

  /** Same as the constructor. */
  public static StaffId of(String value) {
    return new StaffId(value);
  }

  @Override
  public int compareTo(StaffId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
