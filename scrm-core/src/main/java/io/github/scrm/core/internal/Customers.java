package io.github.scrm.core.internal;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.profile.CustomerProfile;
import io.github.scrm.core.spi.EventLog;
import io.github.scrm.core.spi.IdentityIndex;
import io.github.scrm.core.spi.ProfileStore;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * How ingestion reaches customers: through the host's {@link IdentityIndex}, {@link ProfileStore} and {@link EventLog},
 * or straight through the default {@link CustomerTable}, where a resolved identifier already holds its customer's slot:
 * the profile and, with the default log, the customer's event stream.
 *
 * @param <H> a handle on one customer: its id, or its slot in the table
 */
interface Customers<H> {

  /** The customer {@code identifier} is bound to, or null. */
  @Nullable H find(Identifier identifier);

  /** Binds {@code identifier} to {@code customer} unless it is bound; the owner after the call. */
  H bindIfAbsent(Identifier identifier, CustomerId customer);

  /** Removes the binding if it points to {@code owner}. */
  void unbind(Identifier identifier, H owner);

  /** The id of the customer behind {@code handle}. */
  CustomerId id(H handle);

  /** Atomically replaces the customer's profile with {@code change} applied to it. */
  CustomerProfile update(H handle, UnaryOperator<CustomerProfile> change);

  /** Atomically applies {@code event} to the customer's profile. */
  default void apply(H handle, CustomerEvent event) {
    update(handle, profile -> profile.with(event));
  }

  /** Records {@code event} in the event log for the customer, unless its id is recorded; whether it was. */
  boolean append(H handle, CustomerEvent event);

  /** Over the host's index, store and event log. */
  static Customers<CustomerId> over(IdentityIndex index, ProfileStore store, EventLog events) {
    return new Customers<>() {
      @Override
      public boolean append(CustomerId handle, CustomerEvent event) {
        return events.append(handle, event);
      }

      @Override
      public @Nullable CustomerId find(Identifier identifier) {
        return index.find(identifier).orElse(null);
      }

      @Override
      public CustomerId bindIfAbsent(Identifier identifier, CustomerId customer) {
        return index.bindIfAbsent(identifier, customer);
      }

      @Override
      public void unbind(Identifier identifier, CustomerId owner) {
        index.unbind(identifier, owner);
      }

      @Override
      public CustomerId id(CustomerId handle) {
        return handle;
      }

      @Override
      public CustomerProfile update(CustomerId handle, UnaryOperator<CustomerProfile> change) {
        return store.update(handle, change);
      }
    };
  }
}
