package io.github.scrm.core.internal;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.IngestOutcome;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentityConflict;
import io.github.scrm.core.identity.MergeRecord;
import io.github.scrm.core.profile.CustomerProfile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingestion: validate, skip duplicates, resolve the identifiers to one customer (creating or merging customers),
 * record the event and apply it to the profile.
 *
 * <p>Concurrency: the common case (all known identifiers name at most one customer) runs under the shared read lock,
 * with per-customer atomicity from {@link io.github.scrm.core.spi.ProfileStore#update} and per-identifier atomicity
 * from {@link io.github.scrm.core.spi.IdentityIndex#bindIfAbsent}. Merges, unmerges and erasures are rare and take the
 * exclusive write lock, so they never interleave with an ingestion.
 */
public final class Engine {

  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  /**
   * How many events {@link #ingestAll} warms together: enough for their cache misses to overlap, few enough that what
   * they bring into the cache is still there when they are ingested.
   */
  static final int WARM_GROUP = 16;

  final Context context;
  final MergeLedger ledger;
  final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final EventChecks checks;
  private final Merging merging;
  /** The default in-memory store and index when they share a table: lookups by identifier take one probe. */
  private final @Nullable CustomerTable table;
  /** The table when there is one, else the host's index and store. */
  private final Customers<?> customers;
  private final Customers<CustomerId> viaSpi;
  /**
   * Where {@link #ingestAll} leaves the value its warming reads derive, so that the compiler keeps the reads. Written
   * by any thread without synchronisation: the value means nothing.
   */
  @SuppressWarnings("unused")
  private long warmed;

  /** An engine over {@code context}. */
  public Engine(Context context) {
    this.context = context;
    this.ledger = new MergeLedger(context.merges());
    this.checks = new EventChecks(context);
    this.merging = new Merging(this);
    this.table = CustomerTable.sharedBy(context.profiles(), context.index());
    this.viaSpi = Customers.over(context.index(), context.profiles(), context.events());
    this.customers = table != null ? table.ingestion(context.events()) : viaSpi;
  }

  /** Why {@link #ingest} would refuse {@code event}, checked without ingesting it; empty when it would not. */
  public List<String> problems(CustomerEvent event) {
    return checks.problems(event);
  }

  /** Ingests one event. */
  public IngestOutcome ingest(CustomerEvent event) {
    IngestOutcome rejected = rejected(event);
    if (rejected != null) {
      return rejected;
    }
    lock.readLock().lock();
    try {
      IngestOutcome outcome = tryWithoutMerge(customers, event);
      if (outcome != null) {
        return outcome;
      }
    } finally {
      lock.readLock().unlock();
    }
    return underWriteLock(event);
  }

  /** The outcome of {@code event} if it is refused, else null. */
  private IngestOutcome.@Nullable Rejected rejected(CustomerEvent event) {
    List<String> problems = checks.problems(event);
    if (problems.isEmpty()) {
      return null;
    }
    LOG.debug("event {} rejected: {}", event.eventId(), problems);
    return new IngestOutcome.Rejected(event.eventId(), problems);
  }

  private IngestOutcome underWriteLock(CustomerEvent event) {
    lock.writeLock().lock();
    try {
      return withMerges(event);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Ingests {@code events} in order: each outcome is what {@link #ingest} gives for the event at that point. Over the
   * customer table, each group of {@value #WARM_GROUP} events is first warmed ({@link CustomerTable#warm}), so that
   * their cache misses overlap. A group is ingested under one hold of the shared lock, given up only around an event
   * that needs the exclusive one: a merge waits for at most the rest of a group.
   */
  public List<IngestOutcome> ingestAll(CustomerEvent[] events) {
    List<IngestOutcome> outcomes = new ArrayList<>(events.length);
    CustomerTable.Warming scratch = table == null ? null : new CustomerTable.Warming(WARM_GROUP);
    InMemoryEventLog log = context.events() instanceof InMemoryEventLog inMemory ? inMemory : null;
    for (int from = 0; from < events.length; from += WARM_GROUP) {
      int to = Math.min(events.length, from + WARM_GROUP);
      if (scratch != null) {
        warmed = table.warm(events, from, to, scratch, log);
      }
      ingestGroup(events, from, to, outcomes);
    }
    return outcomes;
  }

  private void ingestGroup(CustomerEvent[] events, int from, int to, List<IngestOutcome> outcomes) {
    lock.readLock().lock();
    boolean shared = true;
    try {
      for (int i = from; i < to; i++) {
        CustomerEvent event = events[i];
        IngestOutcome outcome = rejected(event);
        if (outcome == null) {
          outcome = tryWithoutMerge(customers, event);
        }
        if (outcome == null) {
          lock.readLock().unlock();
          shared = false;
          outcome = underWriteLock(event);
          lock.readLock().lock();
          shared = true;
        }
        outcomes.add(outcome);
      }
    } finally {
      if (shared) {
        lock.readLock().unlock();
      }
    }
  }

  /** The outcome of {@code event} if the log has recorded its id: a duplicate, owned by whoever absorbed its owner. */
  private IngestOutcome.@Nullable Duplicate duplicate(CustomerEvent event) {
    Optional<CustomerId> seen = context.events().ownerOf(event.eventId());
    return seen.isEmpty() ? null : new IngestOutcome.Duplicate(event.eventId(), ledger.current(seen.get()));
  }

  /** Null when the identifiers name several customers (or a racing ingestion bound one elsewhere). */
  private <H> @Nullable IngestOutcome tryWithoutMerge(Customers<H> via, CustomerEvent event) {
    H owner = null;
    List<Identifier> unknown = null;
    for (Identifier id : event.identifiers()) {
      H found = via.find(id);
      if (found == null) {
        unknown = unknown == null ? new ArrayList<>(2) : unknown;
        unknown.add(id);
      } else if (owner == null) {
        owner = found;
      } else if (!owner.equals(found)) {
        return null;
      }
    }
    if (unknown != null) {
      // binding is an effect a duplicate must not have (its identifiers may have been refused or erased since): ask the
      // log first. An event whose identifiers are all bound changes nothing before its append, which settles it.
      IngestOutcome duplicate = duplicate(event);
      if (duplicate != null) {
        return duplicate;
      }
    }
    boolean created = false;
    if (owner == null) {
      CustomerId candidate = CustomerId.of(context.ids().nextId());
      owner = via.bindIfAbsent(unknown.get(0), candidate);
      created = via.id(owner).equals(candidate);
    }
    if (unknown != null) {
      for (Identifier id : unknown) {
        if (!via.bindIfAbsent(id, via.id(owner)).equals(owner)) {
          return null;
        }
      }
    }
    return apply(via, owner, event, unknown == null ? List.of() : unknown, created, List.of(), List.of());
  }

  /** Under the write lock: resolves again, merges where the guardrails allow, then applies. */
  private IngestOutcome withMerges(CustomerEvent event) {
    IngestOutcome duplicate = duplicate(event);
    if (duplicate != null) {
      return duplicate;
    }
    LinkedHashSet<CustomerId> owners = new LinkedHashSet<>();
    List<Identifier> unknown = new ArrayList<>();
    for (Identifier id : event.identifiers()) {
      Optional<CustomerId> found = context.index().find(id);
      if (found.isPresent()) {
        owners.add(found.get());
      } else {
        unknown.add(id);
      }
    }
    List<IdentityConflict> conflicts = new ArrayList<>();
    List<MergeRecord> merges = new ArrayList<>();
    CustomerId target;
    boolean created = false;
    if (owners.isEmpty()) {
      target = CustomerId.of(context.ids().nextId());
      created = true;
    } else {
      target = owners.iterator().next();
      if (owners.size() > 1) {
        CustomerId survivor = owners.stream().min(CustomerId::compareTo).orElseThrow();
        for (CustomerId other : owners.stream().sorted().toList()) {
          if (other.equals(survivor)) {
            continue;
          }
          merging.merge(survivor, other, event, conflicts).ifPresent(merges::add);
        }
        if (!merges.isEmpty()) {
          target = survivor;
        }
      }
    }
    for (Identifier id : unknown) {
      context.index().bindIfAbsent(id, target);
    }
    // every identifier of the event now bound to the target, so that its profile lists them all: one bound to it by an
    // ingestion that came here through a race may not be listed yet (those it lists already are skipped)
    List<Identifier> claimed = new ArrayList<>(event.identifiers().size());
    for (Identifier id : event.identifiers()) {
      if (context.index().find(id).filter(target::equals).isPresent()) {
        claimed.add(id);
      }
    }
    return apply(viaSpi, target, event, claimed, created, merges, conflicts);
  }

  /**
   * Records the event for {@code owner} and applies it with the newly bound identifiers, unbinding those that would
   * break a guardrail limit.
   */
  private <H> IngestOutcome apply(Customers<H> via, H handle, CustomerEvent event, List<Identifier> claimed,
      boolean created, List<MergeRecord> merges, List<IdentityConflict> conflicts) {
    CustomerId owner = via.id(handle);
    if (!via.append(handle, event)) {
      return Objects.requireNonNull(duplicate(event), "an event the log refused as a duplicate has no owner there");
    }
    if (claimed.isEmpty()) {
      via.apply(handle, event);
      return new IngestOutcome.Accepted(event.eventId(), owner, created, merges, conflicts);
    }
    List<Identifier> refused = new ArrayList<>(0);
    via.update(handle, profile -> {
      refused.clear(); // the store may run the change more than once
      Set<Identifier> current = profile.identifiers();
      List<Identifier> accepted = new ArrayList<>(current);
      for (Identifier id : claimed) {
        if (accepted.contains(id)) {
          continue;
        }
        if (Limits.countLike(accepted, id) >= context.guardrails().maxPerCustomer(id.type())) {
          refused.add(id);
        } else {
          accepted.add(id);
        }
      }
      return (accepted.size() == current.size() ? profile : profile.withIdentifiers(accepted)).with(event);
    });
    if (refused.isEmpty()) {
      return new IngestOutcome.Accepted(event.eventId(), owner, created, merges, conflicts);
    }
    List<IdentityConflict> allConflicts = new ArrayList<>(conflicts);
    for (Identifier id : refused) {
      via.unbind(id, handle);
      IdentityConflict conflict = new IdentityConflict(event.eventId(), List.of(owner), id,
          "at most " + context.guardrails().maxPerCustomer(id.type()) + " " + id.type()
              + (id.scope().isEmpty() ? "" : " in scope " + id.scope()) + " per customer, but " + owner
              + " already has that many",
          context.time().now());
      ledger.conflict(conflict);
      allConflicts.add(conflict);
      LOG.debug("identifier of type {} not bound to {}: limit reached", id.type(), owner);
    }
    return new IngestOutcome.Accepted(event.eventId(), owner, created, merges, allConflicts);
  }

  /** The profile of {@code customer} or of the survivor that absorbed it. */
  public Optional<CustomerProfile> profile(CustomerId customer) {
    Optional<CustomerProfile> direct = context.profiles().find(customer);
    if (direct.isPresent() && !ledger.isAbsorbed(customer)) {
      return direct;
    }
    return context.profiles().find(ledger.current(customer));
  }

  /** The profile {@code identifier} names. */
  public Optional<CustomerProfile> profile(Identifier identifier) {
    if (table != null) {
      return table.profileOf(identifier);
    }
    Optional<CustomerId> owner = context.index().find(identifier);
    return owner.isEmpty() ? Optional.empty() : context.profiles().find(owner.get());
  }

  Merging merging() {
    return merging;
  }
}
