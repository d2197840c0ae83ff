package io.github.scrm.sentiment.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Groups complaints of the same category and similar text (SimHash distance at most {@code maxDistance}) within a
 * time window. Only the {@link #RECENT_PER_CATEGORY} most recently joined clusters of a category are candidates, so
 * joining costs a bounded number of bit counts; a cluster that keeps receiving comments stays a candidate. Clusters
 * whose last comment lies a window before the category's newest are expired, and {@link #forgetExpired} drops them
 * once no comment refers to them. Not thread-safe: the queue guards it.
 */
final class IssueClusters {

  static final int RECENT_PER_CATEGORY = 64;

  private final Duration window;
  private final int maxDistance;
  private final long windowSeconds;
  private final Map<String, Candidates> recentByCategory = new HashMap<>();
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
    Candidates candidates = recentByCategory.computeIfAbsent(category, c -> new Candidates());
    if (at.isAfter(candidates.newest)) {
      candidates.newest = at;
    }
    ArrayDeque<Cluster> recent = candidates.clusters;
    // most recently joined first: the tail holds the clusters that went quiet longest ago
    while (!recent.isEmpty() && isExpired(recent.peekLast(), candidates.newest)) {
      recent.removeLast().candidate = false;
    }
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
      best.candidate = true;
      recent.addFirst(best);
      if (recent.size() > RECENT_PER_CATEGORY) {
        recent.removeLast().candidate = false;
      }
    } else if (recent.peekFirst() != best) {
      recent.remove(best);
      recent.addFirst(best);
    }
    best.add(at, window);
    return best;
  }

  Cluster get(String id) {
    return byId.get(id);
  }

  /**
   * Forgets the clusters that can no longer be joined (no longer candidates, or quiet for a window before their
   * category's newest comment) and whose ids are not in {@code needed}; returns how many.
   */
  int forgetExpired(Set<String> needed) {
    int before = byId.size();
    byId.values().removeIf(c -> {
      Candidates candidates = recentByCategory.get(c.category);
      boolean joinable = c.candidate && !isExpired(c, candidates.newest);
      if (joinable || needed.contains(c.id)) {
        return false;
      }
      if (c.candidate) {
        candidates.clusters.remove(c);
        c.candidate = false;
      }
      return true;
    });
    recentByCategory.values().removeIf(c -> c.clusters.isEmpty());
    return before - byId.size();
  }

  /** Clusters held, joinable or still referred to. */
  int size() {
    return byId.size();
  }

  private boolean isExpired(Cluster c, Instant newest) {
    return newest.getEpochSecond() - c.lastSeen.getEpochSecond() > windowSeconds;
  }

  /** The candidate clusters of one category and the newest comment time seen in it. */
  private static final class Candidates {
    final ArrayDeque<Cluster> clusters = new ArrayDeque<>();
    Instant newest = Instant.MIN;
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
    /** Whether it is in its category's candidate list. */
    boolean candidate;
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
