package io.github.scrm.core.privacy;

import io.github.scrm.core.customer.CustomerId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The record that a customer's personal data was erased; it holds no personal data itself.
 *
 * @param customer the erased customer (its id stays, with anonymous aggregates)
 * @param erasedAt when
 * @param identifiersRemoved how many identifiers were unbound
 * @param eventsRemoved how many events were deleted from the event log
 * @param participants records erased per registered participant; {@code -1} when a participant failed
 */
public record ErasureRecord(
    CustomerId customer, Instant erasedAt, int identifiersRemoved, int eventsRemoved,
    Map<String, Integer> participants) {

  /** Validates and copies. */
  public ErasureRecord {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(erasedAt, "erasedAt");
    participants = Map.copyOf(participants);
  }

  /** Whether every participant completed. */
  public boolean complete() {
    return participants.values().stream().allMatch(n -> n >= 0);
  }
}
