package io.github.scrm.core.spi;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.internal.CustomerTable;
import io.github.scrm.core.profile.CustomerProfile;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Where customer profiles live. Profiles are immutable values; the store replaces them atomically per customer.
 *
 * <p>Implementations must be thread-safe, and {@link #update} must be atomic per customer: two concurrent updates of
 * the same customer are applied one after the other, none is lost. A database implementation may run {@code change}
 * more than once (the JDBC example locks the customer's row and retries a serialization failure), so {@code change}
 * must be free of side effects. A broken backend throws
 * {@link io.github.scrm.core.ScrmException}. {@link #inMemory()} is the default.
 */
public interface ProfileStore {

  /** The profile of {@code customer}, if stored. */
  Optional<CustomerProfile> find(CustomerId customer);

  /**
   * Atomically replaces the profile of {@code customer} with {@code change} applied to it (to
   * {@link CustomerProfile#empty} when none is stored) and returns the stored result.
   */
  CustomerProfile update(CustomerId customer, UnaryOperator<CustomerProfile> change);

  /** Stores {@code profile}, replacing any profile with its id. */
  void put(CustomerProfile profile);

  /** Removes the profile of {@code customer}; returns whether there was one. */
  boolean remove(CustomerId customer);

  /** The number of stored profiles. */
  long size();

  /** Passes every stored profile to {@code action}, in no particular order, each at most once. */
  void forEach(Consumer<CustomerProfile> action);

  /**
   * A thread-safe store in memory. {@code Scrm}'s default store shares one table with its default index; this one
   * has a table of its own and works with any index.
   */
  static ProfileStore inMemory() {
    return CustomerTable.create().profileStore();
  }
}
