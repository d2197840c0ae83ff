package io.github.scrm.segmentation;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.scrm.core.attribute.AttributeCatalogue;
import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.segmentation.rule.RuleDefinition;
import io.github.scrm.segmentation.rule.RuleKind;
import io.github.scrm.segmentation.rule.RuleSetDocument;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated rule set compiled into an evaluation plan. Immutable and thread-safe; evaluation state lives in
 * {@link Evaluator}s (one per thread) and {@link ProfileSnapshot}s. Obtain one from {@link Segmentation#compile}.
 */
public final class CompiledRuleSet {

  private final RuleSetDocument document;
  private final AttributeCatalogue catalogue;
  private final ZoneId zone;
  private final Layout layout;
  private final ImmutableList<CompiledRule> rules;
  private final BoolNode[] roots;
  private final int[] order;
  private final int memoSlots;
  private final ImmutableList<TimeNode.Timed> timed;
  private final ImmutableMap<String, Integer> index;
  private final ImmutableMap<String, int[]> affected;
  private final ImmutableMap<String, AttributePlan> plans;

  /** What changes when one attribute changes: where it lives, the rules to re-run, the rules they refer to. */
  record AttributePlan(Layout.Slots slots, int[] affected, int[] referenced) {}
  private final int[] timeRelative;
  private final int[] byPriority;

  CompiledRuleSet(RuleSetDocument document, AttributeCatalogue catalogue, ZoneId zone, Compiler.Plan plan) {
    this.document = document;
    this.catalogue = catalogue;
    this.zone = zone;
    this.layout = plan.layout();
    this.rules = ImmutableList.copyOf(plan.rules());
    this.roots = rules.stream().map(CompiledRule::root).toArray(BoolNode[]::new);
    this.order = plan.order();
    this.memoSlots = plan.memoSlots();
    this.timed = ImmutableList.copyOf(plan.timed());
    Map<String, Integer> idx = new HashMap<>();
    rules.forEach(r -> idx.put(r.id(), r.index()));
    this.index = ImmutableMap.copyOf(idx);
    Map<String, Set<Integer>> direct = new HashMap<>();
    Set<Integer> timeRules = new HashSet<>();
    for (CompiledRule r : rules) {
      r.attributes().forEach(a -> direct.computeIfAbsent(a, k -> new HashSet<>()).add(r.index()));
      if (r.timeRelative()) {
        timeRules.add(r.index());
      }
    }
    ImmutableMap.Builder<String, int[]> b = ImmutableMap.builder();
    direct.forEach((attribute, rs) -> b.put(attribute, closure(rs)));
    this.affected = b.build();
    this.timeRelative = closure(timeRules);
    ImmutableMap.Builder<String, AttributePlan> p = ImmutableMap.builder();
    affected.forEach((attribute, rs) -> {
      Layout.Slots where = layout.slotsOf(attribute);
      if (where != null) {
        p.put(attribute, new AttributePlan(where, rs, referencedOutside(rs)));
      }
    });
    this.plans = p.build();
    this.byPriority = rules.stream()
        .sorted(Comparator.comparingInt((CompiledRule r) -> -r.definition().priority()).thenComparingInt(
            CompiledRule::index))
        .mapToInt(CompiledRule::index).toArray();
  }

  /** The rules in {@code seeds} plus every rule that refers to one of them, in evaluation order. */
  private int[] closure(Set<Integer> seeds) {
    Set<Integer> all = new HashSet<>(seeds);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (CompiledRule r : rules) {
        if (!all.contains(r.index()) && r.references().stream().anyMatch(ref -> all.contains(index.get(ref)))) {
          all.add(r.index());
          grew = true;
        }
      }
    }
    List<Integer> out = new ArrayList<>();
    for (int i : order) {
      if (all.contains(i)) {
        out.add(i);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Rules referred to (through inSegment) by {@code rules} but not among them, whose last result must be known. */
  private int[] referencedOutside(int[] rs) {
    Set<Integer> in = new HashSet<>();
    for (int r : rs) {
      in.add(r);
    }
    Set<Integer> out = new java.util.TreeSet<>();
    for (int r : rs) {
      for (String ref : rules.get(r).references()) {
        int i = index.get(ref);
        if (!in.contains(i)) {
          out.add(i);
        }
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The rule set's name. */
  public String name() {
    return document.name();
  }

  /** The rule set's version, carried into every tag's provenance. */
  public long version() {
    return document.version();
  }

  /** The document this rule set was compiled from. */
  public RuleSetDocument document() {
    return document;
  }

  /** The catalogue the rule set was validated against. */
  public AttributeCatalogue catalogue() {
    return catalogue;
  }

  /** Rule ids in document order; result bitsets use these indexes. */
  public List<String> ruleIds() {
    return rules.stream().map(CompiledRule::id).toList();
  }

  /** The index of rule {@code id} in result bitsets, or -1. */
  public int indexOf(String id) {
    return index.getOrDefault(id, -1);
  }

  /** The definition of rule {@code id}. */
  public Optional<RuleDefinition> rule(String id) {
    Integer i = index.get(id);
    return i == null ? Optional.empty() : Optional.of(rules.get(i).definition());
  }

  /** The attributes rule {@code id} reads, directly (segments it refers to read their own). */
  public Set<String> attributesReadBy(String id) {
    return rules.get(index.get(id)).attributes();
  }

  /** A new evaluator for one thread, evaluating as of {@code asOf}. */
  public Evaluator evaluator(Instant asOf) {
    return new Evaluator(this, asOf);
  }

  /** A snapshot of {@code values} in this rule set's layout. */
  public ProfileSnapshot snapshot(AttributeValues values) {
    return new ProfileSnapshot(this, values, List.of());
  }

  /** A snapshot whose tag set also holds {@code extraTags} (manual and imported tags). */
  public ProfileSnapshot snapshot(AttributeValues values, Collection<String> extraTags) {
    return new ProfileSnapshot(this, values, extraTags);
  }

  /** An empty columnar table for batch evaluation of up to {@code capacity} profiles. */
  public ProfileTable newTable(int capacity) {
    return new ProfileTable(this, capacity);
  }

  /** Tags one profile as of {@code asOf}. Convenient; for throughput reuse an {@link Evaluator}. */
  public TagResult evaluate(AttributeValues values, Instant asOf) {
    return evaluate(values, List.of(), asOf);
  }

  /** Tags one profile whose manual and imported tags are {@code extraTags}. */
  public TagResult evaluate(AttributeValues values, Collection<String> extraTags, Instant asOf) {
    Evaluator e = evaluator(asOf);
    ProfileSnapshot s = snapshot(values, extraTags);
    return result(e.evaluate(s), asOf, e.nextChange(s));
  }

  /** Explains rule {@code ruleId} on one profile; see {@link Explanation}. */
  public Explanation explain(AttributeValues values, Instant asOf, String ruleId) {
    return explain(values, List.of(), asOf, ruleId);
  }

  /** Explains rule {@code ruleId} on one profile with manual and imported tags. */
  public Explanation explain(AttributeValues values, Collection<String> extraTags, Instant asOf, String ruleId) {
    Integer i = index.get(ruleId);
    if (i == null) {
      throw new IllegalArgumentException("rule set '" + name() + "' has no rule '" + ruleId + "'; rules are "
          + ruleIds());
    }
    Interpreter in = interpreter(values, extraTags, asOf);
    Interpreter.Traced t = in.eval(rules.get(i).definition().condition().expression().orElseThrow(), true);
    return new Explanation(ruleId, name(), version(), asOf, (Integer) t.value() == Frame.TRUE, t.node());
  }

  /** The reference interpreter's result for rule {@code ruleId} (0 false, 1 true, 2 unknown); slow, for tests. */
  int interpret(AttributeValues values, Collection<String> extraTags, Instant asOf, String ruleId) {
    return interpreter(values, extraTags, asOf).rule(ruleId);
  }

  private Interpreter interpreter(AttributeValues values, Collection<String> extraTags, Instant asOf) {
    return new Interpreter(catalogue, document.currency(), zone, asOf, values, extraTags, document.rules());
  }

  /** Turns a result bitset into tag matches with provenance. */
  public TagResult result(long[] words, Instant asOf, Optional<Instant> nextChange) {
    List<TagMatch> tags = new ArrayList<>();
    List<TagMatch> segments = new ArrayList<>();
    for (int i : byPriority) {
      if ((words[i >>> 6] >>> i & 1L) != 0) {
        CompiledRule r = rules.get(i);
        TagMatch m = new TagMatch(r.id(), r.id(), name(), version(), asOf);
        (r.definition().kind() == RuleKind.TAG ? tags : segments).add(m);
      }
    }
    return new TagResult(tags, segments, asOf, nextChange);
  }

  // ---- for the engine

  Layout layout() {
    return layout;
  }

  ZoneId zone() {
    return zone;
  }

  BoolNode[] roots() {
    return roots;
  }

  int[] order() {
    return order;
  }

  int memoSlots() {
    return memoSlots;
  }

  List<TimeNode.Timed> timed() {
    return timed;
  }

  int[] affectedBy(String attribute) {
    return affected.getOrDefault(attribute, new int[0]);
  }

  AttributePlan plan(String attribute) {
    return plans.get(attribute);
  }

  int[] timeRelativeRules() {
    return timeRelative;
  }

  @Override
  public String toString() {
    return "CompiledRuleSet[" + name() + " v" + version() + ", " + rules.size() + " rules]";
  }
}
