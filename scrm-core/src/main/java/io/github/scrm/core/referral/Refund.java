package io.github.scrm.core.referral;

import io.github.scrm.core.customer.CustomerId;
import java.time.Instant;
import java.util.Objects;

/**
 * A refund of (part of) an order. Any refund of a qualifying order inside the review period cancels the reward.
 *
 * @param customer the buyer
 * @param orderId the refunded order
 * @param at when the refund was requested
 */
public record Refund(CustomerId customer, String orderId, Instant at) {

  /** Validates the parts. */
  public Refund {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(at, "at");
  }
}
