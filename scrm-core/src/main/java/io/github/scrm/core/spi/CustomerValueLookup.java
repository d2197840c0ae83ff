package io.github.scrm.core.spi;

import io.github.scrm.core.customer.CustomerId;
import java.util.Optional;

/**
 * Looks up what a customer is worth. Core implements it over its profiles; hosts may pass their own. Must be
 * thread-safe and cheap: sentiment calls it for every comment whose author is a known customer.
 */
@FunctionalInterface
public interface CustomerValueLookup {

  /** The customer's value, or empty when the customer is unknown. */
  Optional<CustomerValue> valueOf(CustomerId customer);

  /** A lookup that knows no customer. */
  static CustomerValueLookup none() {
    return customer -> Optional.empty();
  }
}
