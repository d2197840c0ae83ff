package io.github.scrm.core.spi;

import io.github.scrm.core.customer.CustomerId;
import java.util.Optional;

/**
 * The contact policy's port to whatever knows the customers: consents in force, the "no personalised marketing" flag
 * and the customer's zone. The profile store implements it over profiles; {@code
 * io.github.scrm.core.contact.InMemoryContactSubjects} is the in-memory default.
 *
 * <p>Implementations must be thread-safe and fast: the policy calls {@link #find} once per contact check. A failing
 * store throws {@link io.github.scrm.core.ScrmException}; an unknown customer is an empty result, which the policy
 * denies.
 */
@FunctionalInterface
public interface ContactSubjects {

  /** What the contact policy must know about {@code customer}, or empty when the customer is unknown or erased. */
  Optional<ContactSubject> find(CustomerId customer);
}
