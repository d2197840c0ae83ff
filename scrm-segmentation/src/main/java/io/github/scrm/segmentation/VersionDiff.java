package io.github.scrm.segmentation;

import com.google.common.collect.ImmutableMap;
import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.segmentation.spi.ProfileLookup;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * How a candidate version of a rule set would change tags over the current population, before it is activated.
 *
 * @param from the current rule set's name and version
 * @param to the candidate's name and version
 * @param profiles profiles compared
 * @param tags per tag or segment id (present in either version): counts before and after, gained and lost
 */
public record VersionDiff(String from, String to, long profiles, Map<String, TagDelta> tags) {

  /**
   * The change of one tag.
   *
   * @param before profiles with the tag under the current version
   * @param after profiles with the tag under the candidate
   * @param gained profiles that would gain it
   * @param lost profiles that would lose it
   */
  public record TagDelta(long before, long after, long gained, long lost) {}

  /** Copies the map. */
  public VersionDiff {
    tags = ImmutableMap.copyOf(tags);
  }

  /** Evaluates both versions on every profile of {@code population} as of {@code asOf}. */
  public static VersionDiff between(CompiledRuleSet current, CompiledRuleSet candidate, ProfileLookup population,
      Instant asOf) {
    Set<String> ids = new LinkedHashSet<>(current.ruleIds());
    ids.addAll(candidate.ruleIds());
    Map<String, long[]> counts = new TreeMap<>();
    ids.forEach(id -> counts.put(id, new long[4]));
    Evaluator a = current.evaluator(asOf);
    Evaluator b = candidate.evaluator(asOf);
    long n = 0;
    for (CustomerId id : (Iterable<CustomerId>) population.ids()::iterator) {
      Optional<AttributeValues> v = population.find(id);
      if (v.isEmpty()) {
        continue;
      }
      n++;
      Collection<String> extraTags = population.extraTags(id);
      long[] before = a.evaluate(current.snapshot(v.get(), extraTags)).clone();
      long[] after = b.evaluate(candidate.snapshot(v.get(), extraTags));
      for (String tag : ids) {
        boolean had = has(current, before, tag);
        boolean has = has(candidate, after, tag);
        long[] c = counts.get(tag);
        c[0] += had ? 1 : 0;
        c[1] += has ? 1 : 0;
        c[2] += has && !had ? 1 : 0;
        c[3] += had && !has ? 1 : 0;
      }
    }
    Map<String, TagDelta> tags = new TreeMap<>();
    counts.forEach((tag, c) -> tags.put(tag, new TagDelta(c[0], c[1], c[2], c[3])));
    return new VersionDiff(current.name() + " v" + current.version(), candidate.name() + " v" + candidate.version(),
        n, tags);
  }

  private static boolean has(CompiledRuleSet rules, long[] bits, String tag) {
    int i = rules.indexOf(tag);
    return i >= 0 && (bits[i >>> 6] >>> i & 1L) != 0;
  }

  /** One line per tag that changes, such as {@code lapsed: 1200 -> 1350 (+200 / -50)}. */
  public String report() {
    StringBuilder sb = new StringBuilder(from + " -> " + to + " over " + profiles + " profiles\n");
    tags.forEach((tag, d) -> {
      if (d.gained() > 0 || d.lost() > 0) {
        sb.append(tag).append(": ").append(d.before()).append(" -> ").append(d.after()).append(" (+")
            .append(d.gained()).append(" / -").append(d.lost()).append(")\n");
      }
    });
    return sb.toString();
  }
}
