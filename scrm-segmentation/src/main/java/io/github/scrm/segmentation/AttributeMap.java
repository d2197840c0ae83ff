package io.github.scrm.segmentation;

import com.google.common.collect.ImmutableMap;
import io.github.scrm.core.attribute.AttributeKey;
import io.github.scrm.core.attribute.AttributeValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, map-backed {@link AttributeValues}: for tests, fixtures and hosts that hold profile metrics in their
 * own objects. Values are type-checked against their keys. {@code toString()} lists attribute names only, never
 * values, since some are personal data.
 */
public final class AttributeMap implements AttributeValues {

  private static final AttributeMap EMPTY = new AttributeMap(ImmutableMap.of());

  private final ImmutableMap<AttributeKey<?>, Object> values;

  private AttributeMap(ImmutableMap<AttributeKey<?>, Object> values) {
    this.values = values;
  }

  /** No values at all. */
  public static AttributeMap empty() {
    return EMPTY;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder(new LinkedHashMap<>());
  }

  /** A builder starting from this map's values. */
  public Builder toBuilder() {
    return new Builder(new LinkedHashMap<>(values));
  }

  @Override
  public <T> @Nullable T get(AttributeKey<T> key) {
    Object v = values.get(key);
    return v == null ? null : key.cast(v);
  }

  /** The attributes that have a value. */
  public Map<AttributeKey<?>, Object> asMap() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttributeMap other && other.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "AttributeMap" + values.keySet().stream().map(AttributeKey::name).toList();
  }

  /** Builds an {@link AttributeMap}. */
  public static final class Builder {
    private final Map<AttributeKey<?>, Object> values;

    private Builder(Map<AttributeKey<?>, Object> values) {
      this.values = values;
    }

    /** Sets {@code key} to {@code value}; a value of the wrong type is an error naming the attribute. */
    public <T> Builder put(AttributeKey<T> key, T value) {
      values.put(key, key.cast(Objects.requireNonNull(value, "value")));
      return this;
    }

    /** Sets {@code key} to a value only known to be an {@code Object}, checking its type. */
    public Builder putChecked(AttributeKey<?> key, Object value) {
      values.put(key, key.cast(Objects.requireNonNull(value, "value")));
      return this;
    }

    /** Removes {@code key}'s value. */
    public Builder remove(AttributeKey<?> key) {
      values.remove(key);
      return this;
    }

    /** The map. */
    public AttributeMap build() {
      return new AttributeMap(ImmutableMap.copyOf(values));
    }
  }
}
