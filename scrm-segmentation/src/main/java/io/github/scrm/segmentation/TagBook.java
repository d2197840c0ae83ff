package io.github.scrm.segmentation;

import com.google.common.collect.ImmutableList;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.segmentation.spi.TagChangeListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tags on each profile and their lifecycle. Every change goes to the {@link TagChangeListener} with its reason.
 *
 * <p>A customer holds a tag once per source: a rule, staff ({@link TagSource#MANUAL}) and an import may each hold
 * {@code vip}, independently. A rule never takes over or removes a tag that staff or an import put on, and removing
 * the staff's tag leaves the rule's.
 *
 * <ul>
 *   <li>A rule tag stays while its rule matches. When the rule stops matching, the tag goes at once, or, when the rule
 *       has a TTL, at TTL after the last evaluation in which it matched (see {@link #expire}). A rule tag never
 *       expires while the latest result of its rule is a match.
 *   <li>When {@link #apply} sees a new version of a rule set (same name) that no longer has a rule, the tags that rule
 *       put on are removed.
 *   <li>Manual and imported tags stay until removed or until their TTL after they were put on runs out.
 * </ul>
 *
 * Thread-safe: changes to one customer are serialised, and they reach the listener in the order they were made: a
 * customer's change and the delivery of its {@link TagChange}s happen under one lock for that customer, so a change
 * made by another thread waits until the listener has had the earlier one. Changes to different customers run in
 * parallel (up to a fixed number of lock stripes) and their order is not defined.
 */
public final class TagBook {

  private static final Logger LOG = LoggerFactory.getLogger(TagBook.class);

  /** One tag held from one source. */
  private record Key(String tag, TagSource source) {}

  /**
   * What the book knows about one holding besides what it shows: the rule set that put a rule tag on ("" for manual
   * and imported tags) and when the rule last matched.
   */
  private record Holding(HeldTag held, String ruleSet, Instant lastMatched) {}

  /** A power of two; customers whose ids hash alike share a lock, which costs parallelism, never order. */
  private static final int LOCK_STRIPES = 64;

  private final TagChangeListener listener;
  private final ConcurrentHashMap<CustomerId, Map<Key, Holding>> tags = new ConcurrentHashMap<>();
  private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

  /** A tag book reporting to {@code listener}. */
  public TagBook(TagChangeListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /**
   * Applies one evaluation of {@code rules}: matched tag rules are added (or kept), rule tags that no longer match are
   * removed unless their TTL still holds them, and tags of rules that this version of the rule set no longer has are
   * removed. Manual and imported tags are left alone. Returns the changes, which were also sent to the listener.
   */
  public List<TagChange> apply(CustomerId customer, CompiledRuleSet rules, TagResult result) {
    Instant at = result.asOf();
    String origin = rules.name() + " v" + rules.version();
    return change(customer, (map, changes) -> {
      Set<String> matched = new HashSet<>(result.tagNames());
      for (String tag : result.tagNames()) {
        Key key = new Key(tag, TagSource.RULE);
        Holding previous = map.get(key);
        Instant since = previous == null ? at : previous.held().since();
        // no expiry while the rule matches: the TTL only starts counting once it stops matching
        map.put(key, new Holding(new HeldTag(tag, TagSource.RULE, origin, since, Optional.empty()), rules.name(), at));
        if (previous == null) {
          changes.add(new TagChange(customer, tag, TagChange.Kind.ADDED, TagSource.RULE,
              "rule " + tag + " of " + origin + " matched", at));
        }
      }
      for (Map.Entry<Key, Holding> e : List.copyOf(map.entrySet())) {
        Holding h = e.getValue();
        String tag = e.getKey().tag();
        if (e.getKey().source() != TagSource.RULE || !h.ruleSet().equals(rules.name()) || matched.contains(tag)) {
          continue;
        }
        if (rules.indexOf(tag) < 0) {
          map.remove(e.getKey());
          changes.add(new TagChange(customer, tag, TagChange.Kind.REMOVED, TagSource.RULE,
              "rule " + tag + " is not in " + origin, at));
          continue;
        }
        Optional<Instant> expires = h.held().expiresAt().isPresent() ? h.held().expiresAt()
            : rules.rule(tag).flatMap(r -> r.ttl()).map(h.lastMatched()::plus);
        if (expires.isPresent() && expires.get().isAfter(at)) {
          if (h.held().expiresAt().isEmpty()) {
            HeldTag t = h.held();
            map.put(e.getKey(), new Holding(new HeldTag(tag, t.source(), t.origin(), t.since(), expires), h.ruleSet(),
                h.lastMatched()));
          }
          continue;
        }
        map.remove(e.getKey());
        changes.add(new TagChange(customer, tag, TagChange.Kind.REMOVED, TagSource.RULE,
            "rule " + tag + " of " + origin + " no longer matches", at));
      }
    });
  }

  /** Staff put {@code tag} on a customer; {@code ttl} empty for "until removed". */
  public List<TagChange> addManual(CustomerId customer, String tag, String staff, Optional<Duration> ttl, Instant at) {
    return add(customer, tag, TagSource.MANUAL, staff, ttl, at, "set by staff " + staff);
  }

  /** An import put {@code tag} on a customer; {@code ttl} empty for "until removed". */
  public List<TagChange> addImported(CustomerId customer, String tag, String importSource, Optional<Duration> ttl,
      Instant at) {
    return add(customer, tag, TagSource.IMPORTED, importSource, ttl, at, "imported from " + importSource);
  }

  private List<TagChange> add(CustomerId customer, String tag, TagSource source, String origin,
      Optional<Duration> ttl, Instant at, String reason) {
    if (tag.isBlank()) {
      throw new IllegalArgumentException("tag must not be blank, but was '" + tag + "'");
    }
    return change(customer, (map, changes) -> {
      Holding previous = map.put(new Key(tag, source),
          new Holding(new HeldTag(tag, source, origin, at, ttl.map(at::plus)), "", at));
      if (previous == null) {
        changes.add(new TagChange(customer, tag, TagChange.Kind.ADDED, source, reason, at));
      }
    });
  }

  /** Removes the manual and imported holdings of {@code tag}; a rule's holding of the same tag follows its rule. */
  public List<TagChange> remove(CustomerId customer, String tag, String by, Instant at) {
    return change(customer, (map, changes) -> {
      for (TagSource source : List.of(TagSource.MANUAL, TagSource.IMPORTED)) {
        if (map.remove(new Key(tag, source)) != null) {
          changes.add(new TagChange(customer, tag, TagChange.Kind.REMOVED, source, "removed by " + by, at));
        }
      }
    });
  }

  /**
   * Removes every tag whose TTL ran out by {@code now}; call it from the host's scheduler, at {@link #nextExpiry()}
   * or periodically. Rule tags whose rule matched in the latest evaluation are never expired.
   */
  public List<TagChange> expire(Instant now) {
    List<TagChange> all = new ArrayList<>();
    for (CustomerId customer : List.copyOf(tags.keySet())) {
      all.addAll(change(customer, (map, changes) -> {
        for (Map.Entry<Key, Holding> e : List.copyOf(map.entrySet())) {
          HeldTag h = e.getValue().held();
          if (h.expiresAt().isPresent() && !h.expiresAt().get().isAfter(now)) {
            map.remove(e.getKey());
            changes.add(new TagChange(customer, h.tag(), TagChange.Kind.EXPIRED, h.source(),
                "time to live ended at " + h.expiresAt().get(), now));
          }
        }
      }));
    }
    return all;
  }

  /** The earliest instant at which one of the customer's tags expires, empty when none is set to expire. */
  public Optional<Instant> nextExpiry(CustomerId customer) {
    return tags(customer).stream().flatMap(h -> h.expiresAt().stream()).min(Comparator.naturalOrder());
  }

  /** The earliest instant at which any tag in the book expires: when the host's scheduler should call expire. */
  public Optional<Instant> nextExpiry() {
    return List.copyOf(tags.keySet()).stream().flatMap(c -> nextExpiry(c).stream()).min(Comparator.naturalOrder());
  }

  /** The tags on a customer, one entry per tag and source. */
  public List<HeldTag> tags(CustomerId customer) {
    List<List<HeldTag>> copy = new ArrayList<>(1);
    // read under the same per-key lock the writers use, so the copy never sees a half-made change
    tags.computeIfPresent(customer, (id, map) -> {
      copy.add(map.values().stream().map(Holding::held).collect(ImmutableList.toImmutableList()));
      return map;
    });
    return copy.isEmpty() ? List.of() : copy.get(0);
  }

  /** The manual and imported tags of a customer: what {@code hasTag} sees besides {@code profile.tags}. */
  public List<String> extraTags(CustomerId customer) {
    return tags(customer).stream().filter(h -> h.source() != TagSource.RULE).map(HeldTag::tag).distinct().toList();
  }

  /**
   * Makes one change to a customer's holdings and hands its changes to the listener, both under the customer's lock,
   * so that a change made by another thread meanwhile cannot reach the listener first.
   */
  private List<TagChange> change(CustomerId customer, BiConsumer<Map<Key, Holding>, List<TagChange>> change) {
    List<TagChange> changes = new ArrayList<>();
    ReentrantLock lock = lockOf(customer);
    lock.lock();
    try {
      // the map's own per-key lock still guards the holdings against readers such as tags(customer)
      tags.compute(customer, (id, held) -> {
        Map<Key, Holding> map = held == null ? new LinkedHashMap<>() : held;
        change.accept(map, changes);
        return map.isEmpty() ? null : map;
      });
      emit(changes);
    } finally {
      lock.unlock();
    }
    return changes;
  }

  private ReentrantLock lockOf(CustomerId customer) {
    int h = customer.hashCode();
    return locks[(h ^ (h >>> 16)) & (LOCK_STRIPES - 1)];
  }

  private void emit(List<TagChange> changes) {
    for (TagChange c : changes) {
      try {
        listener.onChange(c);
      } catch (RuntimeException e) {
        LOG.warn("tag change listener failed on {} {} of customer {}", c.kind(), c.tag(), c.customer(), e);
      }
    }
  }
}
