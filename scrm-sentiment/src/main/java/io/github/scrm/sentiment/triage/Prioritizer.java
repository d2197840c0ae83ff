package io.github.scrm.sentiment.triage;

import io.github.scrm.core.spi.CustomerValue;
import io.github.scrm.sentiment.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The priority function of {@link PriorityWeights} and the reasons that explain it. */
final class Prioritizer {

  private final PriorityWeights weights;
  private final SlaPolicy sla;
  private final IssueClusters clusters;
  private final Duration clusterWindow;

  Prioritizer(PriorityWeights weights, SlaPolicy sla, IssueClusters clusters, Duration clusterWindow) {
    this.weights = weights;
    this.sla = sla;
    this.clusters = clusters;
    this.clusterWindow = clusterWindow;
  }

  double priority(Entry e, Instant now) {
    double p = weights.base(e.severity);
    p += weights.negativity() * e.analysis.score().negativeScore();
    p += weights.reach() * reach(e.comment);
    p += weights.velocity() * Math.min(1, Math.log10(1 + e.perHour) / 4);
    p += weights.customerValue() * e.valueNorm;
    p += weights.waiting() * waiting(e, now);
    p += weights.repeatedAsks() * Math.min(1, e.repeats / 3.0);
    IssueClusters.Cluster c = e.clusterId.isEmpty() ? null : clusters.get(e.clusterId);
    if (c != null) {
      p += weights.clusterSize() * Math.min(1, log2(c.size) / 5);
      p += weights.clusterGrowth() * Math.min(1, c.recentMembers(now, clusterWindow) / 10.0);
    }
    return p;
  }

  static double reach(Comment c) {
    return Math.min(1, Math.log10(1 + (double) c.engagement()) / 6);
  }

  double waiting(Entry e, Instant now) {
    if (e.status != CommentStatus.OPEN) {
      return 0;
    }
    long waited = Math.max(0, Duration.between(e.openedAt, now).toSeconds());
    return Math.min(2, waited / (double) sla.limitFor(e.severity).toSeconds());
  }

  List<String> reasons(Entry e, Instant now) {
    List<String> out = new ArrayList<>();
    out.add(e.severityReason);
    if (e.reopened) {
      out.add("reopened by a follow-up from the same author");
    }
    if (e.repeats > 0) {
      out.add("asked again: " + e.repeats + " earlier unanswered comment" + (e.repeats > 1 ? "s" : "")
          + " by the same author in this thread");
    }
    String reach = reachText(e.comment);
    if (!reach.isEmpty()) {
      out.add(reach);
    }
    if (e.perHour >= 1) {
      out.add(String.format(Locale.ROOT, "engagement growing %,d/h", Math.round(e.perHour)));
    }
    if (e.valueReason != null) {
      out.add(e.valueReason);
    }
    if (e.status == CommentStatus.OPEN) {
      Duration waited = Duration.between(e.openedAt, now);
      if (waited.isNegative()) {
        waited = Duration.ZERO;
      }
      Duration limit = sla.limitFor(e.severity);
      out.add("unanswered " + Durations.format(waited) + " against an SLA of " + Durations.format(limit)
          + (waited.compareTo(limit) > 0 ? " (overdue)" : ""));
    }
    IssueClusters.Cluster c = e.clusterId.isEmpty() ? null : clusters.get(e.clusterId);
    if (c != null && c.size > 1) {
      String label = e.analysis.categories().isEmpty() ? "general complaint"
          : e.analysis.categories().get(0).category().label();
      out.add("one of " + c.size + " similar '" + label + "' comments in "
          + Durations.format(Duration.between(c.firstSeen, c.lastSeen)));
    }
    out.add(String.format(Locale.ROOT, "negative score %.2f", e.analysis.score().negativeScore()));
    return out;
  }

  private static String reachText(Comment c) {
    List<String> parts = new ArrayList<>();
    add(parts, c.followers(), "follower");
    add(parts, c.likes(), "like");
    add(parts, c.reposts(), "repost");
    add(parts, c.replies(), "reply");
    return String.join(", ", parts);
  }

  private static void add(List<String> parts, long n, String noun) {
    if (n > 0) {
      String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
      parts.add(String.format(Locale.ROOT, "%,d %s", n, n == 1 ? noun : plural));
    }
  }

  private static double log2(int n) {
    return n <= 1 ? 0 : Math.log(n) / Math.log(2);
  }

  /** Records the customer's value on the entry: normalised for the priority, described for the reasons. */
  static void applyValue(Entry e, CustomerValue v) {
    // a ranking weight, never an amount: log10 of the spend in whole major units, saturating at 100,000 (1.0)
    long wholeUnits = Math.max(0, v.spendTotal().toMajor().longValue());
    e.valueNorm = Math.min(1, Math.log10(1 + wholeUnits) / 5);
    e.valueReason = String.format(Locale.ROOT, "customer value: spent %s %s in %,d orders%s",
        v.spendTotal().toMajor().toPlainString(), v.spendTotal().currency().getCurrencyCode(), v.orders(),
        v.memberLevel().isEmpty() ? "" : ", member level " + v.memberLevel());
  }

  static boolean isComplaint(Severity s) {
    return s != Severity.NONE;
  }
}
