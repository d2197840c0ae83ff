package io.github.scrm.core.spi;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.profile.CustomerProfile;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** The default {@link ProfileStore}: per-customer atomicity from {@link ConcurrentHashMap#compute}. */
final class InMemoryProfileStore implements ProfileStore {

  private final ConcurrentHashMap<CustomerId, CustomerProfile> profiles = new ConcurrentHashMap<>(1 << 16);

  @Override
  public Optional<CustomerProfile> find(CustomerId customer) {
    return Optional.ofNullable(profiles.get(customer));
  }

  @Override
  public CustomerProfile update(CustomerId customer, UnaryOperator<CustomerProfile> change) {
    return profiles.compute(customer, (id, current) -> {
      CustomerProfile next = change.apply(current == null ? CustomerProfile.empty(id) : current);
      if (next.id() != id && !next.id().equals(id)) {
        throw new IllegalArgumentException("an update of " + id + " must keep its id, but returned " + next.id());
      }
      return next;
    });
  }

  @Override
  public void put(CustomerProfile profile) {
    profiles.put(profile.id(), profile);
  }

  @Override
  public boolean remove(CustomerId customer) {
    return profiles.remove(customer) != null;
  }

  @Override
  public long size() {
    return profiles.mappingCount();
  }

  @Override
  public void forEach(Consumer<CustomerProfile> action) {
    profiles.values().forEach(action);
  }

  @Override
  public String toString() {
    return "ProfileStore.inMemory[" + profiles.size() + " profiles]";
  }
}
