package io.github.scrm.core.attribute;

import com.google.common.collect.ImmutableSet;
import io.github.scrm.core.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The types a catalogue attribute can have, each with the one Java type its values take. */
public enum AttributeType {
  /** {@link Boolean}. */
  BOOLEAN(Boolean.class),
  /** {@link Long}: counts. */
  LONG(Long.class),
  /** {@link BigDecimal}: exact decimals such as shares and rates (0.25 is 25%) and scores. */
  DECIMAL(BigDecimal.class),
  /** {@link Money}: amounts in minor units with a currency. */
  MONEY(Money.class),
  /** {@link String}. */
  STRING(String.class),
  /** An {@link ImmutableSet} of {@link String}s: brands, categories, tags, topics. */
  STRING_SET(ImmutableSet.class),
  /** {@link Instant}: a point in time. */
  INSTANT(Instant.class),
  /** {@link LocalDate}: a calendar date in the business zone (birthdays). */
  DATE(LocalDate.class);

  private final Class<?> javaType;

  AttributeType(Class<?> javaType) {
    this.javaType = javaType;
  }

  /** The Java type of this attribute type's values. */
  public Class<?> javaType() {
    return javaType;
  }

  /** Whether {@code value} is a valid value of this type. */
  public boolean accepts(Object value) {
    return javaType.isInstance(value);
  }
}
