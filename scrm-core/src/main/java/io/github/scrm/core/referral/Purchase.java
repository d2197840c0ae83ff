package io.github.scrm.core.referral;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A purchase by a possible referee.
 *
 * @param customer the buyer
 * @param orderId the order, the key of refunds and of per-order qualifications
 * @param paid the paid amount
 * @param identifiers identifiers the host saw on the order: payment account, delivery address hash, device
 * @param at when it was paid
 */
public record Purchase(CustomerId customer, String orderId, Money paid, Set<Identifier> identifiers, Instant at) {

  /** Validates the parts and copies the set. */
  public Purchase {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(paid, "paid");
    Objects.requireNonNull(at, "at");
    identifiers = Set.copyOf(identifiers);
  }
}
