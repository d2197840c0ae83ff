package io.github.scrm.core.internal;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.Purchase;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.profile.ActivityBuffer;
import io.github.scrm.core.profile.CustomerProfile;
import io.github.scrm.core.spi.EventLog;
import io.github.scrm.core.spi.IdentityIndex;
import io.github.scrm.core.spi.ProfileStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory {@link ProfileStore} and {@link IdentityIndex} over one table of customers: the index maps each
 * identifier straight to its customer's slot and the slot numbers the customer's profile in a {@link ProfileColumn},
 * so a lookup by identifier takes a single hash probe and ingestion updates the profile it resolved without a second
 * one. {@code Scrm.builder()} uses one table for both unless the host sets its own store or index;
 * {@link ProfileStore#inMemory()} and {@link IdentityIndex#inMemory()} each create a table of their own and so work
 * with any counterpart.
 *
 * <p>Most events (social interactions, community and campaign activity, referral steps, refunds, staff contacts) do
 * not replace the profile: they wait in the slot, an {@link ActivityBuffer}, as numbers written into an array the
 * slot already has. Every read (lookup, {@code find}, {@code forEach}, {@code update}) folds them into the profile
 * first, so readers see each event once it is applied. Storing a new profile at every event put a reference to a new
 * object into the table's long-lived memory each time, and G1 spent more on tracking those than ingestion spent on
 * the events.
 *
 * <p>Thread-safe. Changes of one customer, and reads that fold its buffer, are serialised on its slot; a read that
 * finds the buffer empty takes no lock. Different customers never contend. A slot is kept after its profile is
 * removed (a merged-away customer), because identifiers may still point to it until they are rebound: that costs a
 * few dozen bytes per merge.
 */
public final class CustomerTable {

  private final ConcurrentHashMap<CustomerId, Slot> slots = new ConcurrentHashMap<>(1 << 16);
  private final ConcurrentHashMap<Identifier, Slot> owners = new ConcurrentHashMap<>(1 << 16);
  private final ProfileColumn profiles = new ProfileColumn();
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
    return slot == null ? Optional.empty() : Optional.ofNullable(current(slot));
  }

  @Override
  public String toString() {
    return "CustomerTable[" + stored.sum() + " profiles, " + owners.size() + " identifiers]";
  }

  @Nullable Slot find(Identifier identifier) {
    return owners.get(identifier);
  }

  Slot bindIfAbsent(Identifier identifier, CustomerId customer) {
    Slot bound = owners.get(identifier);
    if (bound != null) {
      return bound;
    }
    Slot slot = slot(customer);
    bound = owners.putIfAbsent(identifier, slot);
    return bound == null ? slot : bound;
  }

  void unbind(Identifier identifier, Slot owner) {
    owners.remove(identifier, owner);
  }

  CustomerProfile update(Slot slot, UnaryOperator<CustomerProfile> change) {
    synchronized (slot) {
      CustomerProfile current = current(slot);
      CustomerProfile next = change.apply(current == null ? CustomerProfile.empty(slot.id) : current);
      if (next.id() != slot.id && !next.id().equals(slot.id)) {
        throw new IllegalArgumentException("an update of " + slot.id + " must keep its id, but returned " + next.id());
      }
      return replace(slot, current, next);
    }
  }

  /**
   * {@link #update} with {@code event} applied, without a function object: ingestion applies one event per call. An
   * event the slot's {@link ActivityBuffer} takes is only written into its array: no new profile, no reference to a
   * new object stored into the table.
   */
  void apply(Slot slot, CustomerEvent event) {
    synchronized (slot) {
      // most events need neither the profile nor a new one: one cache miss fewer each
      boolean offered = slot.hasProfile && ActivityBuffer.takesWithoutProfile(event);
      if (offered && slot.add(null, event)) {
        return;
      }
      CustomerProfile stored = profiles.get(slot.number);
      if (stored == null) {
        replace(slot, null, CustomerProfile.empty(slot.id).with(event));
        return;
      }
      // an event offered without the profile was refused for room only: offering it again before a fold is no use
      if (!offered && slot.add(stored, event)) {
        return;
      }
      if (!slot.isEmpty()) {
        // full, or the event changes more than the buffer holds: fold what it has, then offer the event again
        stored = slot.appliedTo(stored);
        profiles.set(slot.number, stored);
        slot.clear();
        if (slot.add(stored, event)) {
          return;
        }
      }
      profiles.set(slot.number, stored.with(event));
    }
  }

  /**
   * The customer's profile with the events its buffer holds folded in, stored in place of the one without them; null
   * when it has none. With an empty buffer, a read of the column without the lock: every fold stores its profile
   * before it empties the buffer, so a reader that sees the buffer empty sees the profile with the events it held.
   * Otherwise takes the slot's monitor (re-entered by the callers that hold it).
   */
  private @Nullable CustomerProfile current(Slot slot) {
    if (slot.isEmpty()) {
      return profiles.get(slot.number);
    }
    synchronized (slot) {
      CustomerProfile stored = profiles.get(slot.number);
      if (stored == null || slot.isEmpty()) {
        return stored;
      }
      CustomerProfile folded = slot.appliedTo(stored);
      profiles.set(slot.number, folded);
      slot.clear();
      return folded;
    }
  }

  /** Under the slot's monitor: stores {@code next} in place of {@code current}, counting a new profile. */
  private CustomerProfile replace(Slot slot, @Nullable CustomerProfile current, CustomerProfile next) {
    if (current == null) {
      stored.increment();
    }
    slot.hasProfile = true;
    profiles.set(slot.number, next);
    return next;
  }

  /**
   * Brings into the cache what ingesting {@code events[from, to)} will read of this table and of {@code log}: the
   * event ids' entries, the identifiers' bindings, the customers' buffers and streams, and their profiles where the
   * event needs them. Each step does its lookup for every event before the next step follows the results, so that the
   * cache misses of different events overlap instead of coming one after another; ingesting the events then finds
   * their data in the cache. Reads only, without locks: whatever changes meanwhile, ingestion looks everything up
   * again. Returns a value derived from what was read, so that the reads are not optimised away.
   */
  long warm(CustomerEvent[] events, int from, int to, Warming scratch, @Nullable InMemoryEventLog log) {
    int n = to - from;
    long touched = 0;
    // Each loop follows one more reference for every event, so that one loop's loads are independent of each other
    // and many are in flight at once; a loop body stays short so that the processor reaches all of them.
    // the events' identifier lists and ids
    for (int i = 0; i < n; i++) {
      CustomerEvent event = events[from + i];
      scratch.identifiers[i] = event.identifiers();
      scratch.eventIds[i] = event.eventId();
    }
    // the first identifiers, and the ids' characters through their fingerprints
    for (int i = 0; i < n; i++) {
      List<Identifier> identifiers = scratch.identifiers[i];
      scratch.first[i] = identifiers.isEmpty() ? null : identifiers.get(0);
    }
    if (log != null) {
      for (int i = 0; i < n; i++) {
        scratch.prints[i] = log.fingerprint(scratch.eventIds[i]);
      }
    }
    // the identifiers' values: their hashes read the values, their lengths the values' characters, which the log
    // encodes
    for (int i = 0; i < n; i++) {
      Identifier first = scratch.first[i];
      touched += first == null ? 0 : first.hashCode() + first.value().length();
      List<Identifier> identifiers = scratch.identifiers[i];
      for (int k = 1; k < identifiers.size(); k++) {
        Identifier identifier = identifiers.get(k);
        touched += identifier.hashCode() + identifier.value().length();
      }
    }
    // the event ids' entries
    if (log != null) {
      for (int i = 0; i < n; i++) {
        touched += log.touch(scratch.prints[i]);
      }
    }
    // the identifiers' bindings
    for (int i = 0; i < n; i++) {
      Slot first = null;
      List<Identifier> identifiers = scratch.identifiers[i];
      for (int k = 0; k < identifiers.size(); k++) {
        Slot slot = owners.get(identifiers.get(k));
        first = first == null ? slot : first;
      }
      scratch.slots[i] = first;
    }
    // the customers' slots: their streams' references, and their profiles' where ingesting the event reads them
    for (int i = 0; i < n; i++) {
      Slot slot = scratch.slots[i];
      boolean needed = slot != null && !ActivityBuffer.takesWithoutProfile(events[from + i]);
      scratch.profiles[i] = needed ? profiles.get(slot.number) : null;
      scratch.streams[i] = slot == null ? null : slot.stream;
    }
    // the profiles, the streams and the slots' buffers
    for (int i = 0; i < n; i++) {
      CustomerProfile profile = scratch.profiles[i];
      CustomerStream stream = scratch.streams[i];
      Slot slot = scratch.slots[i];
      touched += (profile == null ? 0 : profile.eventCount()) + (stream == null ? 0 : stream.number())
          + (slot == null ? 0 : slot.touch());
    }
    // the array of the profile the event changes, and the streams' identifier definitions
    for (int i = 0; i < n; i++) {
      CustomerProfile profile = scratch.profiles[i];
      CustomerStream stream = scratch.streams[i];
      if (profile != null) {
        touched += events[from + i] instanceof Purchase ? profile.orderCount() : profile.actionCount();
      }
      touched += stream == null ? 0 : stream.touch();
    }
    // the latest order, which a purchase is placed after
    for (int i = 0; i < n; i++) {
      CustomerProfile profile = scratch.profiles[i];
      touched += profile == null ? 0 : profile.touchFor(events[from + i]);
    }
    return touched;
  }

  /**
   * Room for what {@link #warm} finds of up to {@code size} events: one call of {@link Engine#ingestAll}'s, reused
   * from group to group (each group overwrites what it reads) and dropped with the call.
   */
  static final class Warming {
    private final List<Identifier>[] identifiers;
    private final String[] eventIds;
    private final Identifier[] first;
    private final long[] prints;
    private final Slot[] slots;
    private final CustomerProfile[] profiles;
    private final CustomerStream[] streams;

    @SuppressWarnings("unchecked")
    Warming(int size) {
      identifiers = new List[size];
      eventIds = new String[size];
      first = new Identifier[size];
      prints = new long[size];
      slots = new Slot[size];
      profiles = new CustomerProfile[size];
      streams = new CustomerStream[size];
    }
  }

  /**
   * Ingestion over this table with {@code events}: when that is the default in-memory log, each slot keeps its
   * customer's stream, so an append needs no lookup by customer id.
   */
  Customers<Slot> ingestion(EventLog events) {
    return new Ingestion(events instanceof InMemoryEventLog log ? log : null, events);
  }

  private Slot slot(CustomerId customer) {
    Slot slot = slots.get(customer);
    return slot != null ? slot : slots.computeIfAbsent(customer, id -> new Slot(id, profiles.allocate()));
  }

  /**
   * One customer: its id, the number of its profile in the {@link ProfileColumn}, the events applied since that profile
   * was stored (the {@link ActivityBuffer} it extends, so that they take no object of their own) and its stream in the
   * in-memory event log, if ingestion uses one. The profile and the buffer are written only while holding the slot's
   * monitor, and read without it only when the buffer is empty ({@link #current}).
   */
  static final class Slot extends ActivityBuffer {
    final CustomerId id;
    final int number;
    /** Whether the column holds a profile for this customer; read and written under the monitor. */
    private boolean hasProfile;
    /** The customer's stream in the log ingestion appends to; checked against that log before each use. */
    private volatile @Nullable CustomerStream stream;

    Slot(CustomerId id, int number) {
      this.id = id;
      this.number = number;
    }
  }

  /** The engine's way in: the table's slots, and the log appended to through them. */
  private final class Ingestion implements Customers<Slot> {
    private final @Nullable InMemoryEventLog streams;
    private final EventLog events;

    Ingestion(@Nullable InMemoryEventLog streams, EventLog events) {
      this.streams = streams;
      this.events = events;
    }

    @Override
    public @Nullable Slot find(Identifier identifier) {
      return CustomerTable.this.find(identifier);
    }

    @Override
    public Slot bindIfAbsent(Identifier identifier, CustomerId customer) {
      return CustomerTable.this.bindIfAbsent(identifier, customer);
    }

    @Override
    public void unbind(Identifier identifier, Slot owner) {
      CustomerTable.this.unbind(identifier, owner);
    }

    @Override
    public CustomerId id(Slot handle) {
      return handle.id;
    }

    @Override
    public CustomerProfile update(Slot handle, UnaryOperator<CustomerProfile> change) {
      return CustomerTable.this.update(handle, change);
    }

    @Override
    public void apply(Slot handle, CustomerEvent event) {
      CustomerTable.this.apply(handle, event);
    }

    @Override
    public boolean append(Slot handle, CustomerEvent event) {
      if (streams == null) {
        return events.append(handle.id, event);
      }
      CustomerStream stream = handle.stream;
      if (stream == null || !streams.owns(stream)) {
        // the log gives one stream per customer, so racing threads store the same reference
        stream = streams.streamOf(handle.id);
        handle.stream = stream;
      }
      return streams.append(stream, event);
    }
  }

  private final class Store implements ProfileStore {

    CustomerTable table() {
      return CustomerTable.this;
    }

    @Override
    public Optional<CustomerProfile> find(CustomerId customer) {
      Slot slot = slots.get(customer);
      return slot == null ? Optional.empty() : Optional.ofNullable(current(slot));
    }

    @Override
    public CustomerProfile update(CustomerId customer, UnaryOperator<CustomerProfile> change) {
      return CustomerTable.this.update(slot(customer), change);
    }

    @Override
    public void put(CustomerProfile profile) {
      Slot slot = slot(profile.id());
      synchronized (slot) {
        if (profiles.get(slot.number) == null) {
          stored.increment();
        }
        slot.hasProfile = true;
        profiles.set(slot.number, profile);
        slot.clear(); // after the store: a reader that sees the buffer empty sees the new profile
      }
    }

    @Override
    public boolean remove(CustomerId customer) {
      Slot slot = slots.get(customer);
      if (slot == null) {
        return false;
      }
      synchronized (slot) {
        if (profiles.get(slot.number) == null) {
          return false;
        }
        slot.hasProfile = false;
        profiles.set(slot.number, null);
        slot.clear();
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
        CustomerProfile profile = current(slot);
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
