package io.github.scrm.core.spi;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.internal.InMemoryEventLog;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The append-only record of every accepted event and the customer it was attributed to: the idempotency key store
 * (by event id) and the source of truth from which profiles are replayed after merges, unmerges and for audits.
 *
 * <p>Implementations must be thread-safe and make {@link #append} atomic per event id: of two concurrent appends of
 * the same id exactly one returns {@code true}. A broken backend throws {@link io.github.scrm.core.ScrmException}.
 * {@link #inMemory()} is the default.
 */
public interface EventLog {

  /** Records {@code event} for {@code owner} unless an event with its id is already recorded; returns whether it was. */
  boolean append(CustomerId owner, CustomerEvent event);

  /** The customer the event with {@code eventId} is attributed to, if it was recorded (also after an erasure). */
  Optional<CustomerId> ownerOf(String eventId);

  /** The events attributed to {@code owner}, in the order they were appended. */
  List<CustomerEvent> eventsOf(CustomerId owner);

  /** Attributes the recorded event {@code eventId} to {@code newOwner} (merges and unmerges). */
  void reassign(String eventId, CustomerId newOwner);

  /**
   * Deletes the events of {@code owner} (a PIPL erasure) but remembers their ids, so a re-sent event stays a duplicate;
   * returns how many were deleted.
   */
  int erase(CustomerId owner);

  /** Passes every recorded event with its owner to {@code action}, each at most once. */
  void forEach(BiConsumer<CustomerId, CustomerEvent> action);

  /** A thread-safe log in memory. */
  static EventLog inMemory() {
    return InMemoryEventLog.create();
  }
}
