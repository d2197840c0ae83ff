package io.github.scrm.core.attribute;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A typed, named attribute of a customer profile: {@code orders.count.90d} is a {@code LONG}, {@code spend.total} a
 * {@code MONEY}. Keys are equal when their names are equal.
 *
 * @param <T> the Java type of the values, matching {@link #type()}
 */
public final class AttributeKey<T> {

  private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9]*(\\.[a-zA-Z0-9][a-zA-Z0-9]*)*");

  private final String name;
  private final AttributeType type;
  private final Class<T> javaType;
  private final String unit;
  private final String description;
  private final boolean custom;

  private AttributeKey(
      String name, AttributeType type, Class<T> javaType, String unit, String description, boolean custom) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "attribute name must be dotted lower-camel segments such as 'orders.count.90d', but was '" + name + "'");
    }
    if (!type.javaType().equals(javaType)) {
      throw new IllegalArgumentException(
          "attribute '" + name + "' of type " + type + " must hold " + type.javaType().getSimpleName()
              + ", but was declared with " + javaType.getSimpleName());
    }
    this.name = name;
    this.type = type;
    this.javaType = javaType;
    this.unit = Objects.requireNonNull(unit, "unit");
    this.description = Objects.requireNonNull(description, "description");
    this.custom = custom;
  }

  /** A key of the standard catalogue; hosts use {@link #custom}. */
  static <T> AttributeKey<T> standard(
      String name, AttributeType type, Class<T> javaType, String unit, String description) {
    return new AttributeKey<>(name, type, javaType, unit, description, false);
  }

  /**
   * A host-defined attribute. Its name must not clash with a standard one; by convention it starts with
   * {@code custom.} or the host's own prefix.
   */
  public static <T> AttributeKey<T> custom(
      String name, AttributeType type, Class<T> javaType, String unit, String description) {
    return new AttributeKey<>(name, type, javaType, unit, description, true);
  }

  /** The stable dotted name. */
  public String name() {
    return name;
  }

  /** The attribute's type. */
  public AttributeType type() {
    return type;
  }

  /** The Java type of the values. */
  public Class<T> javaType() {
    return javaType;
  }

  /** The unit ({@code "orders"}, {@code "fen"}, {@code "days"}), empty when there is none. */
  public String unit() {
    return unit;
  }

  /** What the attribute means, for the catalogue listing. */
  public String description() {
    return description;
  }

  /** Whether the host defined this attribute. */
  public boolean isCustom() {
    return custom;
  }

  /** Casts {@code value} to this key's type, failing with the attribute's name when it does not fit. */
  public T cast(Object value) {
    if (!javaType.isInstance(value)) {
      throw new IllegalArgumentException("attribute '" + name + "' holds " + type + ", but the value was a "
          + value.getClass().getSimpleName());
    }
    return javaType.cast(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttributeKey<?> other && other.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name + ":" + type;
  }
}
