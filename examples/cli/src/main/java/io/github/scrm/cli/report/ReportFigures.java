package io.github.scrm.cli.report;

import io.github.scrm.cli.profile.ProfileFormat;
import io.github.scrm.core.attribute.AttributeKey;
import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.segmentation.CompiledRuleSet;
import io.github.scrm.segmentation.Evaluator;
import io.github.scrm.segmentation.TagMatch;
import io.github.scrm.segmentation.TagResult;
import io.github.scrm.segmentation.tier.RfmClass;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The figures of a report, accumulated row by row. */
final class ReportFigures {

  private static final int TOP_CATEGORIES = 5;

  private final CompiledRuleSet seed;
  private final Evaluator evaluator;
  private final Instant asOf;
  private final ZoneId zone;
  private final Map<String, Long> tagCounts = new LinkedHashMap<>();
  private final long[] funnel = new long[7];
  private final List<Instant> complaintTimes = new ArrayList<>();
  private final List<String> complaintCategories = new ArrayList<>();
  private long profiles;
  private long comments;

  ReportFigures(CompiledRuleSet seed, Instant asOf, ZoneId zone) {
    this.seed = seed;
    this.evaluator = seed.evaluator(asOf);
    this.asOf = asOf;
    this.zone = zone;
    seed.document().rules().forEach(r -> {
      if (r.kind() == io.github.scrm.segmentation.rule.RuleKind.TAG) {
        tagCounts.put(r.id(), 0L);
      }
    });
  }

  void addProfile(ProfileFormat.Profile p) {
    profiles++;
    AttributeValues v = p.values();
    Set<String> manual = v.get(StandardAttributes.TAGS);
    TagResult r = seed.result(evaluator.evaluate(seed.snapshot(v, manual == null ? Set.of() : manual)), asOf,
        Optional.empty());
    for (TagMatch m : r.tags()) {
      tagCounts.merge(m.tag(), 1L, Long::sum);
    }
    long social = num(v, StandardAttributes.COMMENTS_30D) + num(v, StandardAttributes.LIKES_30D)
        + num(v, StandardAttributes.SHARES_30D);
    long orders = num(v, StandardAttributes.ORDERS);
    boolean[] stages = {true, social > 0, orders >= 1, orders >= 2, num(v, StandardAttributes.COUPON_REDEMPTIONS) > 0,
        num(v, StandardAttributes.REFERRALS_INVITED) > 0, num(v, StandardAttributes.REFERRALS_QUALIFIED) > 0};
    for (int i = 0; i < stages.length; i++) {
      funnel[i] += stages[i] ? 1 : 0;
    }
  }

  private static long num(AttributeValues v, AttributeKey<Long> key) {
    Long n = v.get(key);
    return n == null ? 0 : n;
  }

  void addComplaint(Instant when, String category) {
    complaintTimes.add(when);
    complaintCategories.add(category);
  }

  void addComment() {
    comments++;
  }

  long profiles() {
    return profiles;
  }

  long comments() {
    return comments;
  }

  Instant asOf() {
    return asOf;
  }

  String ruleSet() {
    return seed.name() + " v" + seed.version();
  }

  /** Tag sizes, largest first, RFM classes left to the grid. */
  List<Svg.Bar> segmentSizes() {
    Set<String> rfm = new java.util.HashSet<>();
    for (RfmClass c : RfmClass.values()) {
      rfm.add(c.label());
    }
    return tagCounts.entrySet().stream().filter(e -> !rfm.contains(e.getKey()))
        .map(e -> new Svg.Bar(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(Svg.Bar::value).reversed()).toList();
  }

  /** Rows: recent / not recent; columns: frequent+valuable, valuable, frequent, neither. */
  long[][] rfmGrid() {
    long[][] g = new long[2][4];
    boolean[][] fm = {{true, true}, {false, true}, {true, false}, {false, false}};
    for (int r = 0; r < 2; r++) {
      for (int c = 0; c < 4; c++) {
        g[r][c] = tagCounts.getOrDefault(RfmClass.of(r == 0, fm[c][0], fm[c][1]).label(), 0L);
      }
    }
    return g;
  }

  /** The RFM class names in the grid's layout. */
  String rfmLabel(int r, int c) {
    boolean[][] fm = {{true, true}, {false, true}, {true, false}, {false, false}};
    return RfmClass.of(r == 0, fm[c][0], fm[c][1]).label();
  }

  List<Svg.Bar> funnel() {
    String[] names = {"members", "engaged (30 d)", "bought", "bought again", "redeemed a coupon",
        "invited a friend", "friend qualified"};
    List<Svg.Bar> out = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      if (i < 4 || funnel[i] > 0) {
        out.add(new Svg.Bar(names[i], funnel[i]));
      }
    }
    return out;
  }

  /** The five most frequent categories. */
  List<String> topCategories() {
    Map<String, Long> totals = new HashMap<>();
    complaintCategories.forEach(c -> totals.merge(c, 1L, Long::sum));
    return totals.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP_CATEGORIES).map(Map.Entry::getKey).toList();
  }

  /** Complaints of the top categories per week (per day when they span two weeks or less). */
  List<Svg.Column> complaintsOverTime() {
    List<String> top = topCategories();
    if (complaintTimes.isEmpty()) {
      return List.of();
    }
    Instant first = complaintTimes.stream().min(Comparator.naturalOrder()).orElseThrow();
    Instant last = complaintTimes.stream().max(Comparator.naturalOrder()).orElseThrow();
    boolean daily = java.time.Duration.between(first, last).toDays() <= 14;
    TreeMap<LocalDate, Map<String, Long>> periods = new TreeMap<>();
    for (int i = 0; i < complaintTimes.size(); i++) {
      String c = complaintCategories.get(i);
      if (!top.contains(c)) {
        continue;
      }
      LocalDate d = complaintTimes.get(i).atZone(zone).toLocalDate();
      LocalDate key = daily ? d : d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      periods.computeIfAbsent(key, k -> new HashMap<>()).merge(c, 1L, Long::sum);
    }
    List<Svg.Column> out = new ArrayList<>();
    periods.forEach((d, values) -> out.add(new Svg.Column((daily ? "" : "wk ") + d, values)));
    return out;
  }

  boolean daily() {
    if (complaintTimes.isEmpty()) {
      return true;
    }
    Instant first = complaintTimes.stream().min(Comparator.naturalOrder()).orElseThrow();
    Instant last = complaintTimes.stream().max(Comparator.naturalOrder()).orElseThrow();
    return java.time.Duration.between(first, last).toDays() <= 14;
  }
}
