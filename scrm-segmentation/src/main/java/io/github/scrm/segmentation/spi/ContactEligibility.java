package io.github.scrm.segmentation.spi;

import io.github.scrm.core.customer.CustomerId;
import java.time.Instant;
import java.util.Optional;

/**
 * The contact-policy check an audience applies before anyone is pushed to: frequency caps, quiet hours, consent per
 * channel. The host wires the core contact policy in here. Must be thread-safe and cheap: it is called per member.
 */
@FunctionalInterface
public interface ContactEligibility {

  /** Why {@code customer} must not be contacted at {@code at}, or empty when they may be. */
  Optional<String> exclusion(CustomerId customer, Instant at);

  /** Everyone may be contacted (for tests and dry runs before the policy is wired). */
  static ContactEligibility anyone() {
    return (customer, at) -> Optional.empty();
  }
}
