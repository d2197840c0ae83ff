package io.github.scrm.core.attribute;

import org.jspecify.annotations.Nullable;

/**
 * The values of catalogue attributes for one customer as of one instant: what rules read. Implementations are
 * immutable snapshots and safe to share between threads.
 *
 * <p>An absent value is {@code null} rather than an {@code Optional}, because rule evaluation reads millions of values
 * a second; absence is meaningful (a customer who never bought has no last purchase) and rules treat it by SQL-like
 * three-valued logic.
 */
public interface AttributeValues {

  /** The value of {@code key}, or {@code null} when the customer has none. */
  <T> @Nullable T get(AttributeKey<T> key);
}
