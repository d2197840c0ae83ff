package io.github.scrm.core.referral;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A customer registered (joined as a member); their earlier touches are attributed now.
 *
 * @param customer the new customer, already known to the {@link io.github.scrm.core.spi.PersonDirectory}
 * @param identifiers identifiers the registration carried, besides those the directory knows
 * @param at when
 */
public record Registration(CustomerId customer, Set<Identifier> identifiers, Instant at) {

  /** Validates the parts and copies the set. */
  public Registration {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(at, "at");
    identifiers = Set.copyOf(identifiers);
  }
}
