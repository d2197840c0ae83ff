package io.github.scrm.core.spi;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.internal.CustomerTable;
import java.util.Optional;

/**
 * Maps each {@link Identifier} to the one customer it belongs to. Lookups are on the ingestion hot path and must be
 * cheap. Implementations must be thread-safe and make {@link #bindIfAbsent} atomic per identifier; they throw
 * {@link io.github.scrm.core.ScrmException} when the backend fails. {@link #inMemory()} is the default.
 */
public interface IdentityIndex {

  /** The customer {@code identifier} belongs to, if any. */
  Optional<CustomerId> find(Identifier identifier);

  /** Binds {@code identifier} to {@code customer} unless it is already bound; returns the owner after the call. */
  CustomerId bindIfAbsent(Identifier identifier, CustomerId customer);

  /** Binds {@code identifier} to {@code customer}, replacing any previous owner (merges and unmerges). */
  void bind(Identifier identifier, CustomerId customer);

  /** Removes the binding if it points to {@code customer}; returns whether it did. */
  boolean unbind(Identifier identifier, CustomerId customer);

  /**
   * A thread-safe index in memory. {@code Scrm}'s default index shares one table with its default store, so a lookup
   * by identifier reaches the profile in one probe; this one has a table of its own and works with any store.
   */
  static IdentityIndex inMemory() {
    return CustomerTable.create().identityIndex();
  }
}
