package io.github.scrm.segmentation;

import com.google.common.collect.ImmutableList;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.segmentation.spi.TagChangeListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tags on each profile and their lifecycle: rule tags follow rule results (a rule with a TTL keeps its tag for
 * that long after it last matched), manual and imported tags stay until removed or until their TTL runs out. Every
 * change goes to the {@link TagChangeListener} with its reason. Thread-safe: changes to one customer are serialised.
 */
public final class TagBook {

  private static final Logger LOG = LoggerFactory.getLogger(TagBook.class);

  private final TagChangeListener listener;
  private final ConcurrentHashMap<CustomerId, Map<String, HeldTag>> tags = new ConcurrentHashMap<>();

  /** A tag book reporting to {@code listener}. */
  public TagBook(TagChangeListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Applies one evaluation of {@code rules}: matched tag rules are added (or renewed), rule tags that no longer match
   * are removed unless their TTL still holds them. Returns the changes, which were also sent to the listener.
   */
  public List<TagChange> apply(CustomerId customer, CompiledRuleSet rules, TagResult result) {
    List<TagChange> changes = new ArrayList<>();
    Instant at = result.asOf();
    String origin = rules.name() + " v" + rules.version();
    tags.compute(customer, (id, held) -> {
      Map<String, HeldTag> map = held == null ? new LinkedHashMap<>() : held;
      Set<String> matched = new HashSet<>(result.tagNames());
      for (String tag : result.tagNames()) {
        Optional<Duration> ttl = rules.rule(tag).flatMap(r -> r.ttl());
        HeldTag previous = map.get(tag);
        Optional<Instant> expires = ttl.map(at::plus);
        map.put(tag, new HeldTag(tag, TagSource.RULE, origin, previous == null ? at : previous.since(), expires));
        if (previous == null) {
          changes.add(new TagChange(customer, tag, TagChange.Kind.ADDED, TagSource.RULE,
              "rule " + tag + " of " + origin + " matched", at));
        }
      }
      for (HeldTag h : List.copyOf(map.values())) {
        if (h.source() != TagSource.RULE || matched.contains(h.tag()) || rules.indexOf(h.tag()) < 0) {
          continue;
        }
        if (h.expiresAt().isPresent() && h.expiresAt().get().isAfter(at)) {
          continue;
        }
        map.remove(h.tag());
        changes.add(new TagChange(customer, h.tag(), TagChange.Kind.REMOVED, TagSource.RULE,
            "rule " + h.tag() + " of " + origin + " no longer matches", at));
      }
      return map.isEmpty() ? null : map;
    });
    emit(changes);
    return changes;
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
    List<TagChange> changes = new ArrayList<>();
    tags.compute(customer, (id, held) -> {
      Map<String, HeldTag> map = held == null ? new LinkedHashMap<>() : held;
      HeldTag previous = map.put(tag, new HeldTag(tag, source, origin, at, ttl.map(at::plus)));
      if (previous == null) {
        changes.add(new TagChange(customer, tag, TagChange.Kind.ADDED, source, reason, at));
      }
      return map;
    });
    emit(changes);
    return changes;
  }

  /** Removes a manual or imported tag (rule tags follow their rules). */
  public List<TagChange> remove(CustomerId customer, String tag, String by, Instant at) {
    List<TagChange> changes = new ArrayList<>();
    tags.computeIfPresent(customer, (id, map) -> {
      HeldTag h = map.get(tag);
      if (h != null && h.source() != TagSource.RULE) {
        map.remove(tag);
        changes.add(new TagChange(customer, tag, TagChange.Kind.REMOVED, h.source(), "removed by " + by, at));
      }
      return map.isEmpty() ? null : map;
    });
    emit(changes);
    return changes;
  }

  /** Removes every tag whose TTL ran out by {@code now}; call it from the host's scheduler. */
  public List<TagChange> expire(Instant now) {
    List<TagChange> changes = new ArrayList<>();
    for (CustomerId customer : List.copyOf(tags.keySet())) {
      tags.computeIfPresent(customer, (id, map) -> {
        for (HeldTag h : List.copyOf(map.values())) {
          if (h.expiresAt().isPresent() && !h.expiresAt().get().isAfter(now)) {
            map.remove(h.tag());
            changes.add(new TagChange(customer, h.tag(), TagChange.Kind.EXPIRED, h.source(),
                "time to live ended at " + h.expiresAt().get(), now));
          }
        }
        return map.isEmpty() ? null : map;
      });
    }
    emit(changes);
    return changes;
  }

  /** The tags on a customer. */
  public List<HeldTag> tags(CustomerId customer) {
    List<List<HeldTag>> copy = new ArrayList<>(1);
    // read under the same per-key lock the writers use, so the copy never sees a half-made change
    tags.computeIfPresent(customer, (id, map) -> {
      copy.add(ImmutableList.copyOf(map.values()));
      return map;
    });
    return copy.isEmpty() ? List.of() : copy.get(0);
  }

  /** The manual and imported tags of a customer: what {@code hasTag} sees besides {@code profile.tags}. */
  public List<String> extraTags(CustomerId customer) {
    return tags(customer).stream().filter(h -> h.source() != TagSource.RULE).map(HeldTag::tag).toList();
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
