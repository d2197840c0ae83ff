package io.github.scrm.core.staff;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the next owner for each customer of a departing staff member. Loads are read once and then tracked here, so
 * that a database store is not queried per customer and candidate.
 */
final class Reassignment {

  private final ReassignmentStrategy strategy;
  private final int capacity;
  private final Map<StaffId, Integer> loads = new LinkedHashMap<>();
  private final List<StaffId> order;
  private int next;

  Reassignment(ReassignmentStrategy strategy, int capacity, Map<StaffId, Integer> initialLoads) {
    this.strategy = strategy;
    this.capacity = capacity;
    initialLoads.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> loads.put(e.getKey(), e.getValue()));
    this.order = List.copyOf(loads.keySet());
  }

  /** The candidate to try for the next customer, or empty when everyone is at capacity. */
  Optional<StaffId> choose() {
    if (strategy == ReassignmentStrategy.ROUND_ROBIN) {
      for (int tried = 0; tried < order.size(); tried++) {
        StaffId candidate = order.get((next + tried) % order.size());
        if (loads.get(candidate) < capacity) {
          return Optional.of(candidate);
        }
      }
      return Optional.empty();
    }
    // LEAST_LOADED, and SAME_STORE whose candidates were filtered to the store before
    return order.stream()
        .filter(candidate -> loads.get(candidate) < capacity)
        .min(Comparator.comparing((StaffId candidate) -> loads.get(candidate)).thenComparing(c -> c));
  }

  /** Records that {@code chosen} took a customer. */
  void taken(StaffId chosen) {
    loads.merge(chosen, 1, Integer::sum);
    next = (order.indexOf(chosen) + 1) % order.size();
  }

  /** The current load of {@code candidate}. */
  int load(StaffId candidate) {
    return loads.get(candidate);
  }
}
