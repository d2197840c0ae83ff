package io.github.scrm.core.spi;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CustomerEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link EventLog}. Event ids map to their owner; each owner keeps its events in an array list that is only
 * touched inside {@link ConcurrentHashMap#compute} of its owner, which serialises access per owner.
 */
final class InMemoryEventLog implements EventLog {

  private final ConcurrentHashMap<String, CustomerId> owners = new ConcurrentHashMap<>(1 << 16);
  private final ConcurrentHashMap<CustomerId, List<CustomerEvent>> byOwner = new ConcurrentHashMap<>(1 << 16);

  @Override
  public boolean append(CustomerId owner, CustomerEvent event) {
    if (owners.putIfAbsent(event.eventId(), owner) != null) {
      return false;
    }
    byOwner.compute(owner, (id, events) -> {
      List<CustomerEvent> list = events == null ? new ArrayList<>(4) : events;
      list.add(event);
      return list;
    });
    return true;
  }

  @Override
  public Optional<CustomerId> ownerOf(String eventId) {
    return Optional.ofNullable(owners.get(eventId));
  }

  @Override
  public List<CustomerEvent> eventsOf(CustomerId owner) {
    List<CustomerEvent> copy = new ArrayList<>();
    byOwner.computeIfPresent(owner, (id, events) -> {
      copy.addAll(events);
      return events;
    });
    return copy;
  }

  @Override
  public void reassign(String eventId, CustomerId newOwner) {
    CustomerId old = owners.get(eventId);
    if (old == null) {
      throw new IllegalArgumentException("event " + eventId + " is not in the log");
    }
    if (old.equals(newOwner)) {
      return;
    }
    CustomerEvent[] moved = new CustomerEvent[1];
    byOwner.computeIfPresent(old, (id, events) -> {
      for (int i = 0; i < events.size(); i++) {
        if (events.get(i).eventId().equals(eventId)) {
          moved[0] = events.remove(i);
          break;
        }
      }
      return events.isEmpty() ? null : events;
    });
    owners.put(eventId, newOwner);
    @Nullable CustomerEvent event = moved[0];
    if (event != null) {
      byOwner.compute(newOwner, (id, events) -> {
        List<CustomerEvent> list = events == null ? new ArrayList<>(4) : events;
        list.add(event);
        return list;
      });
    }
  }

  @Override
  public int erase(CustomerId owner) {
    List<CustomerEvent> removed = byOwner.remove(owner);
    return removed == null ? 0 : removed.size();
  }

  @Override
  public void forEach(BiConsumer<CustomerId, CustomerEvent> action) {
    for (CustomerId owner : byOwner.keySet()) {
      eventsOf(owner).forEach(e -> action.accept(owner, e));
    }
  }

  @Override
  public String toString() {
    return "EventLog.inMemory[" + owners.size() + " events]";
  }
}
