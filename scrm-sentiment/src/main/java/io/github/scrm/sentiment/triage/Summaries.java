package io.github.scrm.sentiment.triage;

import io.github.scrm.sentiment.CategoryMatch;
import io.github.scrm.sentiment.IssueCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts complaints per issue category in a period against the period before; the queue calls it under its lock. */
final class Summaries {
  private Summaries() {}

  static List<CategorySummary> of(Collection<Entry> entries, Instant from, Instant to) {
    Instant previousFrom = from.minus(Duration.between(from, to));
    Map<String, IssueCategory> categories = new LinkedHashMap<>();
    Map<String, int[]> counts = new HashMap<>();
    Map<String, List<Entry>> examples = new HashMap<>();
    for (Entry e : entries) {
      Instant t = e.comment.createdAt();
      boolean current = !t.isBefore(from) && t.isBefore(to);
      boolean previous = !t.isBefore(previousFrom) && t.isBefore(from);
      if (!current && !previous) {
        continue;
      }
      for (CategoryMatch m : e.analysis.categories()) {
        String id = m.category().id();
        categories.putIfAbsent(id, m.category());
        counts.computeIfAbsent(id, k -> new int[2])[current ? 0 : 1]++;
        if (current) {
          examples.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
        }
      }
    }
    List<CategorySummary> out = new ArrayList<>();
    for (Map.Entry<String, IssueCategory> c : categories.entrySet()) {
      int[] n = counts.get(c.getKey());
      if (n[0] == 0) {
        continue;
      }
      List<String> ids = examples.getOrDefault(c.getKey(), List.of()).stream()
          .sorted(Comparator.comparingDouble((Entry e) -> -e.analysis.score().negativeScore()).thenComparing(Entry::id))
          .limit(3).map(Entry::id).toList();
      out.add(new CategorySummary(c.getValue(), n[0], n[1], CategorySummary.Trend.of(n[0], n[1]), ids));
    }
    out.sort(Comparator.comparingInt(CategorySummary::count).reversed()
        .thenComparing(s -> s.category().id()));
    return out;
  }
}
