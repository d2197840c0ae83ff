package io.github.scrm.core.staff;

/**
 * Identifies one staff member (a store employee, a customer-service agent). Opaque and safe to log.
 *
 * @param value 1 to 64 non-blank characters
 */
public record StaffId(String value) implements Comparable<StaffId> {

  /** Validates the value. */
  public StaffId {
    if (value == null || value.isBlank() || value.length() > 64) {
      throw new IllegalArgumentException("staff id must have 1 to 64 non-blank characters, but was "
          + (value == null ? "null" : "'" + value + "'"));
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
