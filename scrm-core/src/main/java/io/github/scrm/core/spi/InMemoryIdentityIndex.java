package io.github.scrm.core.spi;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The default {@link IdentityIndex}. */
final class InMemoryIdentityIndex implements IdentityIndex {

  private final ConcurrentHashMap<Identifier, CustomerId> owners = new ConcurrentHashMap<>(1 << 16);

  @Override
  public Optional<CustomerId> find(Identifier identifier) {
    return Optional.ofNullable(owners.get(identifier));
  }

  @Override
  public CustomerId bindIfAbsent(Identifier identifier, CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    CustomerId previous = owners.putIfAbsent(identifier, customer);
    return previous == null ? customer : previous;
  }

  @Override
  public void bind(Identifier identifier, CustomerId customer) {
    owners.put(identifier, Objects.requireNonNull(customer, "customer"));
  }

  @Override
  public boolean unbind(Identifier identifier, CustomerId customer) {
    return owners.remove(identifier, customer);
  }

  @Override
  public String toString() {
    return "IdentityIndex.inMemory[" + owners.size() + " identifiers]";
  }
}
