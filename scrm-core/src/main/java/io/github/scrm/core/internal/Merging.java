package io.github.scrm.core.internal;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentityConflict;
import io.github.scrm.core.identity.MergeRecord;
import io.github.scrm.core.identity.UnmergeOutcome;
import io.github.scrm.core.profile.CustomerProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Merging two customers and undoing it; always under the engine's write lock. */
final class Merging {

  private static final Logger LOG = LoggerFactory.getLogger(Merging.class);

  private final Engine engine;
  private final Context context;

  Merging(Engine engine) {
    this.engine = engine;
    this.context = engine.context;
  }

  /**
   * Folds {@code absorbed} into {@code survivor} unless the union of their identifiers breaks a limit, in which case
   * the conflict is recorded and nothing changes.
   */
  Optional<MergeRecord> merge(
      CustomerId survivor, CustomerId absorbed, CustomerEvent cause, List<IdentityConflict> conflicts) {
    CustomerProfile kept = profileOrEmpty(survivor);
    CustomerProfile gone = profileOrEmpty(absorbed);
    // what the absorbed customer's profile lists, and what of the cause's identifiers the index binds to it: an
    // ingestion that bound an identifier to a new customer and then met another customer's identifier comes here
    // before that customer's profile lists it, and the identifier must move with the customer all the same
    LinkedHashSet<Identifier> goneIds = new LinkedHashSet<>(gone.identifiers());
    for (Identifier id : cause.identifiers()) {
      if (context.index().find(id).filter(absorbed::equals).isPresent()) {
        goneIds.add(id);
      }
    }
    LinkedHashSet<Identifier> union = new LinkedHashSet<>(kept.identifiers());
    union.addAll(goneIds);
    Identifier over = Limits.firstOverLimit(union, context.guardrails());
    if (over != null) {
      IdentityConflict conflict = new IdentityConflict(cause.eventId(), List.of(survivor, absorbed), over,
          "merging would give " + survivor + " " + Limits.countLike(union, over) + " " + over.type()
              + (over.scope().isEmpty() ? "" : " in scope " + over.scope()) + ", but at most "
              + context.guardrails().maxPerCustomer(over.type()) + " are allowed",
          context.time().now());
      engine.ledger.conflict(conflict);
      conflicts.add(conflict);
      LOG.debug("merge of {} into {} refused by the identifier limits", absorbed, survivor);
      return Optional.empty();
    }
    // a profile is a pure function of its events in any order, so the survivor's own events need not be replayed; the
    // absorbed customer's are, from the log (the source of truth), and the two profiles combine in one pass
    List<CustomerEvent> events = context.events().eventsOf(absorbed);
    List<String> moved = new ArrayList<>(events.size());
    for (CustomerEvent e : events) {
      context.events().reassign(e.eventId(), survivor);
      moved.add(e.eventId());
    }
    CustomerProfile merged =
        kept.withIdentifiers(union).withEventsOf(CustomerProfile.replay(absorbed, List.of(), events));
    for (Identifier id : goneIds) {
      context.index().bind(id, survivor);
    }
    context.profiles().remove(absorbed);
    context.profiles().put(merged);
    MergeRecord record = new MergeRecord(context.ids().nextId(), survivor, absorbed,
        List.copyOf(goneIds), cause.eventId(), cause.identifiers(), context.time().now(), null);
    engine.ledger.merged(record, moved);
    LOG.debug("merged {} into {} because of event {}", absorbed, survivor, cause.eventId());
    return Optional.of(record);
  }

  UnmergeOutcome unmerge(CustomerId absorbed) {
    Optional<MergeRecord> active = engine.ledger.activeMergeOf(absorbed);
    if (active.isEmpty()) {
      return new UnmergeOutcome.NotUnmerged(absorbed + " is not merged into another customer");
    }
    MergeRecord record = active.get();
    CustomerId survivor = record.survivor();
    if (engine.ledger.isAbsorbed(survivor)) {
      return new UnmergeOutcome.NotUnmerged(survivor + " was itself merged into "
          + engine.ledger.current(survivor) + " later: unmerge " + survivor + " first");
    }
    if (record.movedIdentifiers().isEmpty() && !profileOrEmpty(survivor).erasedAt().isEmpty()) {
      return new UnmergeOutcome.NotUnmerged(survivor + " was erased: its events are gone");
    }
    Set<Identifier> moved = new HashSet<>(record.movedIdentifiers());
    CustomerProfile kept = profileOrEmpty(survivor);
    Set<Identifier> own = new LinkedHashSet<>(kept.identifiers());
    own.removeAll(moved);
    List<String> movedEvents = engine.ledger.movedEvents(record);
    Set<String> recorded = new HashSet<>(movedEvents);
    // back in the survivor's order, so that the absorbed customer gets its events in the order they came (and the
    // log finds each move's event near the end of its path); then any recorded one the survivor no longer has
    Set<String> back = new LinkedHashSet<>();
    for (CustomerEvent e : context.events().eventsOf(survivor)) {
      boolean carriesMoved = false;
      boolean carriesOwn = false;
      for (Identifier id : e.identifiers()) {
        carriesMoved |= moved.contains(id);
        carriesOwn |= own.contains(id);
      }
      if (recorded.remove(e.eventId()) || (carriesMoved && !carriesOwn)) {
        back.add(e.eventId());
      }
    }
    back.addAll(movedEvents.stream().filter(recorded::contains).toList());
    for (String eventId : back) {
      context.events().reassign(eventId, absorbed);
    }
    for (Identifier id : moved) {
      context.index().bind(id, absorbed);
    }
    CustomerProfile newSurvivor = CustomerProfile.replay(survivor, own, context.events().eventsOf(survivor));
    CustomerProfile restored =
        CustomerProfile.replay(absorbed, record.movedIdentifiers(), context.events().eventsOf(absorbed));
    context.profiles().put(newSurvivor);
    context.profiles().put(restored);
    Instant now = context.time().now();
    engine.ledger.undone(record, now);
    LOG.debug("unmerged {} from {}", absorbed, survivor);
    return new UnmergeOutcome.Unmerged(record.undoneAt(now), newSurvivor, restored);
  }

  private CustomerProfile profileOrEmpty(CustomerId customer) {
    return context.profiles().find(customer).orElseGet(() -> CustomerProfile.empty(customer));
  }
}
