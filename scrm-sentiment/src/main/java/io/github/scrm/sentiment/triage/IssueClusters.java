package io.github.scrm.sentiment.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Groups complaints of the same category and similar text (SimHash distance at most {@code maxDistance}) within a
 * time window. Only the most recent {@link #RECENT_PER_CATEGORY} clusters of a category are candidates, so joining
 * costs a bounded number of bit counts. Not thread-safe: the queue guards it.
 */
final class IssueClusters {

  static final int RECENT_PER_CATEGORY = 64;

  private final Duration window;
  private final int maxDistance;
  private final long windowSeconds;
  private final Map<String, ArrayDeque<Cluster>> recentByCategory = new HashMap<>();
  private final Map<String, Cluster> byId = new HashMap<>();
  private final Supplier<String> ids;

  IssueClusters(Duration window, int maxDistance, Supplier<String> ids) {
    this.ids = ids;
    this.window = window;
    this.maxDistance = maxDistance;
    this.windowSeconds = window.getSeconds();
  }

  /** Adds a comment to the closest open cluster of its category, or to a new one. */
  Cluster join(String category, long simhash, Instant at) {
    ArrayDeque<Cluster> recent = recentByCategory.computeIfAbsent(category, c -> new ArrayDeque<>());
    Cluster best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Cluster c : recent) {
      if (Math.abs(c.lastSeen.getEpochSecond() - at.getEpochSecond()) > windowSeconds) {
        continue;
      }
      int d = SimHash.distance(c.simhash, simhash);
      if (d <= maxDistance && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    if (best == null) {
      best = new Cluster(ids.get(), category, simhash, at);
      byId.put(best.id, best);
      recent.addFirst(best);
      if (recent.size() > RECENT_PER_CATEGORY) {
        recent.removeLast();
      }
    }
    best.add(at, window);
    return best;
  }

  Cluster get(String id) {
    return byId.get(id);
  }

  /** One issue cluster. */
  static final class Cluster {
    final String id;
    final String category;
    final long simhash;
    final Instant firstSeen;
    Instant lastSeen;
    int size;
    boolean alerted;
    private final ArrayDeque<Instant> recent = new ArrayDeque<>();

    Cluster(String id, String category, long simhash, Instant at) {
      this.id = id;
      this.category = category;
      this.simhash = simhash;
      this.firstSeen = at;
      this.lastSeen = at;
    }

    void add(Instant at, Duration window) {
      size++;
      if (at.isAfter(lastSeen)) {
        lastSeen = at;
      }
      recent.addLast(at);
      Instant cutoff = lastSeen.minus(window);
      while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
        recent.removeFirst();
      }
    }

    /** Members whose time lies within {@code window} before {@code now}. */
    int recentMembers(Instant now, Duration window) {
      Instant cutoff = now.minus(window);
      int n = 0;
      for (Instant t : recent) {
        if (!t.isBefore(cutoff)) {
          n++;
        }
      }
      return n;
    }

    List<Instant> recentTimes() {
      return new ArrayList<>(recent);
    }
  }
}
