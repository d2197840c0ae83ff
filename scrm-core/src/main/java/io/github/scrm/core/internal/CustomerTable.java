package io.github.scrm.core.internal;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.profile.CustomerProfile;
import io.github.scrm.core.spi.IdentityIndex;
import io.github.scrm.core.spi.ProfileStore;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory {@link ProfileStore} and {@link IdentityIndex} over one table of customers: the index maps each
 * identifier straight to its customer's slot and the slot holds the current profile, so a lookup by identifier takes a
 * single hash probe and ingestion updates the profile it resolved without a second one. {@code Scrm.builder()} uses
 * one table for both unless the host sets its own store or index; {@link ProfileStore#inMemory()} and
 * {@link IdentityIndex#inMemory()} each create a table of their own and so work with any counterpart.
 *
 * <p>Thread-safe. Updates of one customer are serialised on its slot; different customers never contend. A slot is
 * kept after its profile is removed (a merged-away customer), because identifiers may still point to it until they are
 * rebound: that costs a few dozen bytes per merge.
 */
public final class CustomerTable implements Customers<CustomerTable.Slot> {

  private final ConcurrentHashMap<CustomerId, Slot> slots = new ConcurrentHashMap<>(1 << 16);
  private final ConcurrentHashMap<Identifier, Slot> owners = new ConcurrentHashMap<>(1 << 16);
  private final LongAdder stored = new LongAdder();
  private final Store store = new Store();
  private final Index index = new Index();

  private CustomerTable() {}

  /** An empty table. */
  public static CustomerTable create() {
    return new CustomerTable();
  }

  /** The table behind {@code store} and {@code index} when both are views of the same table, else null. */
  static @Nullable CustomerTable sharedBy(ProfileStore store, IdentityIndex index) {
    return store instanceof Store s && index instanceof Index i && s.table() == i.table() ? s.table() : null;
  }

  /** The profile store view of this table. */
  public ProfileStore profileStore() {
    return store;
  }

  /** The identity index view of this table. */
  public IdentityIndex identityIndex() {
    return index;
  }

  /** The profile of the customer {@code identifier} is bound to: the same as the index then the store, one probe. */
  public Optional<CustomerProfile> profileOf(Identifier identifier) {
    Slot slot = owners.get(identifier);
    return slot == null ? Optional.empty() : Optional.ofNullable(slot.profile);
  }

  @Override
  public String toString() {
    return "CustomerTable[" + stored.sum() + " profiles, " + owners.size() + " identifiers]";
  }

  @Override
  public @Nullable Slot find(Identifier identifier) {
    return owners.get(identifier);
  }

  @Override
  public Slot bindIfAbsent(Identifier identifier, CustomerId customer) {
    Slot bound = owners.get(identifier);
    if (bound != null) {
      return bound;
    }
    Slot slot = slot(customer);
    bound = owners.putIfAbsent(identifier, slot);
    return bound == null ? slot : bound;
  }

  @Override
  public void unbind(Identifier identifier, Slot owner) {
    owners.remove(identifier, owner);
  }

  @Override
  public CustomerId id(Slot handle) {
    return handle.id;
  }

  @Override
  public CustomerProfile update(Slot slot, UnaryOperator<CustomerProfile> change) {
    synchronized (slot) {
      CustomerProfile current = slot.profile;
      CustomerProfile next = change.apply(current == null ? CustomerProfile.empty(slot.id) : current);
      if (next.id() != slot.id && !next.id().equals(slot.id)) {
        throw new IllegalArgumentException("an update of " + slot.id + " must keep its id, but returned " + next.id());
      }
      if (current == null) {
        stored.increment();
      }
      slot.profile = next;
      return next;
    }
  }

  private Slot slot(CustomerId customer) {
    Slot slot = slots.get(customer);
    return slot != null ? slot : slots.computeIfAbsent(customer, Slot::new);
  }

  /** One customer: its id and current profile, which is only written while holding the slot's monitor. */
  static final class Slot {
    final CustomerId id;
    volatile @Nullable CustomerProfile profile;

    Slot(CustomerId id) {
      this.id = id;
    }
  }

  private final class Store implements ProfileStore {

    CustomerTable table() {
      return CustomerTable.this;
    }

    @Override
    public Optional<CustomerProfile> find(CustomerId customer) {
      Slot slot = slots.get(customer);
      return slot == null ? Optional.empty() : Optional.ofNullable(slot.profile);
    }

    @Override
    public CustomerProfile update(CustomerId customer, UnaryOperator<CustomerProfile> change) {
      return CustomerTable.this.update(slot(customer), change);
    }

    @Override
    public void put(CustomerProfile profile) {
      Slot slot = slot(profile.id());
      synchronized (slot) {
        if (slot.profile == null) {
          stored.increment();
        }
        slot.profile = profile;
      }
    }

    @Override
    public boolean remove(CustomerId customer) {
      Slot slot = slots.get(customer);
      if (slot == null) {
        return false;
      }
      synchronized (slot) {
        if (slot.profile == null) {
          return false;
        }
        slot.profile = null;
        stored.decrement();
        return true;
      }
    }

    @Override
    public long size() {
      return stored.sum();
    }

    @Override
    public void forEach(Consumer<CustomerProfile> action) {
      for (Slot slot : slots.values()) {
        CustomerProfile profile = slot.profile;
        if (profile != null) {
          action.accept(profile);
        }
      }
    }

    @Override
    public String toString() {
      return "ProfileStore.inMemory[" + stored.sum() + " profiles]";
    }
  }

  private final class Index implements IdentityIndex {

    CustomerTable table() {
      return CustomerTable.this;
    }

    @Override
    public Optional<CustomerId> find(Identifier identifier) {
      Slot slot = owners.get(identifier);
      return slot == null ? Optional.empty() : Optional.of(slot.id);
    }

    @Override
    public CustomerId bindIfAbsent(Identifier identifier, CustomerId customer) {
      return CustomerTable.this.bindIfAbsent(identifier, Objects.requireNonNull(customer, "customer")).id;
    }

    @Override
    public void bind(Identifier identifier, CustomerId customer) {
      owners.put(identifier, slot(Objects.requireNonNull(customer, "customer")));
    }

    @Override
    public boolean unbind(Identifier identifier, CustomerId customer) {
      Slot bound = owners.get(identifier);
      return bound != null && bound.id.equals(customer) && owners.remove(identifier, bound);
    }

    @Override
    public String toString() {
      return "IdentityIndex.inMemory[" + owners.size() + " identifiers]";
    }
  }
}
