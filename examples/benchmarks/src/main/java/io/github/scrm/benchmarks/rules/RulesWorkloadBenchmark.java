package io.github.scrm.benchmarks.rules;

import io.github.jamsesso.jsonlogic.JsonLogic;
import io.github.jamsesso.jsonlogic.JsonLogicException;
import io.github.scrm.core.attribute.AttributeKey;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.segmentation.AttributeMap;
import io.github.scrm.segmentation.BatchEvaluation;
import io.github.scrm.segmentation.BatchResult;
import io.github.scrm.segmentation.CompiledRuleSet;
import io.github.scrm.segmentation.Evaluator;
import io.github.scrm.segmentation.ProfileSnapshot;
import io.github.scrm.segmentation.ProfileTable;
import io.github.scrm.segmentation.Segmentation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.core.RuleBuilder;
import org.jeasy.rules.mvel.MVELCondition;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;

/**
 * The 20-rule workload: one operation is one profile evaluated against all 20 rules. Every engine's tags are checked
 * against the hand-written implementation (a checksum over the same profiles) before anything is timed.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RulesWorkloadBenchmark {

  static final long SEED = 20240615L;
  static final int PROFILES = 100_000;
  static final int BATCH = 1_000;
  static final Instant AS_OF = Instant.parse("2024-06-15T04:00:00Z");

  static final String[] SPEL = {
      "discountedOrderShare > 0.6 and couponRedemptions >= 3",
      "referrals >= 2 or (shares30d >= 5 and followers >= 500L)",
      "recencyScore + frequencyScore + monetaryScore >= 12",
      "recencyScore + frequencyScore + monetaryScore >= 8 and recencyScore + frequencyScore + monetaryScore < 12",
      "recencyScore + frequencyScore + monetaryScore < 8",
      "lastPurchaseDaysAgo > 180",
      "city == '上海' or city == '杭州'",
      "totalSpend >= 5000.0 and orderCount >= 10",
      "followers >= 10000L or (followers >= 2000L and comments30d >= 20)",
      "tags.contains('vip') and lastPurchaseDaysAgo > 60",
      "daysSinceSignup <= 30 and orderCount <= 1",
      "memberLevel == 'GOLD' or memberLevel == 'PLATINUM'",
      "gender == 'F' and age >= 18 and age <= 30",
      "age >= 55",
      "couponRedemptions >= 5 and !optIn",
      "returns90d >= 2 and returns90d * 2 >= orderCount90d",
      "shares30d + comments30d >= 10 and !tags.contains('complained')",
      "avgOrderValue > 500.0",
      "channel == 'wechat' and tags.contains('wechat_bound') and comments30d > 0",
      "(city == '北京' or city == '上海' or city == '广州' or city == '深圳') and memberLevel == 'NONE'"};

  static final String[] MVEL = {
      "p.discountedOrderShare > 0.6 && p.couponRedemptions >= 3",
      "p.referrals >= 2 || (p.shares30d >= 5 && p.followers >= 500)",
      "p.recencyScore + p.frequencyScore + p.monetaryScore >= 12",
      "p.recencyScore + p.frequencyScore + p.monetaryScore >= 8 && p.recencyScore + p.frequencyScore + p.monetaryScore < 12",
      "p.recencyScore + p.frequencyScore + p.monetaryScore < 8",
      "p.lastPurchaseDaysAgo > 180",
      "p.city == '上海' || p.city == '杭州'",
      "p.totalSpend >= 5000.0 && p.orderCount >= 10",
      "p.followers >= 10000 || (p.followers >= 2000 && p.comments30d >= 20)",
      "p.tags.contains('vip') && p.lastPurchaseDaysAgo > 60",
      "p.daysSinceSignup <= 30 && p.orderCount <= 1",
      "p.memberLevel == 'GOLD' || p.memberLevel == 'PLATINUM'",
      "p.gender == 'F' && p.age >= 18 && p.age <= 30",
      "p.age >= 55",
      "p.couponRedemptions >= 5 && !p.optIn",
      "p.returns90d >= 2 && p.returns90d * 2 >= p.orderCount90d",
      "p.shares30d + p.comments30d >= 10 && !p.tags.contains('complained')",
      "p.avgOrderValue > 500.0",
      "p.channel == 'wechat' && p.tags.contains('wechat_bound') && p.comments30d > 0",
      "(p.city == '北京' || p.city == '上海' || p.city == '广州' || p.city == '深圳') && p.memberLevel == 'NONE'"};

  static final String RFM = "{\"+\": [{\"var\": \"recencyScore\"}, {\"var\": \"frequencyScore\"}, {\"var\": \"monetaryScore\"}]}";
  static final String[] JSON_LOGIC = {
      "{\"and\": [{\">\": [{\"var\": \"discountedOrderShare\"}, 0.6]}, {\">=\": [{\"var\": \"couponRedemptions\"}, 3]}]}",
      "{\"or\": [{\">=\": [{\"var\": \"referrals\"}, 2]}, {\"and\": [{\">=\": [{\"var\": \"shares30d\"}, 5]}, {\">=\": [{\"var\": \"followers\"}, 500]}]}]}",
      "{\">=\": [" + RFM + ", 12]}",
      "{\"and\": [{\"<=\": [8, " + RFM + "]}, {\"<\": [" + RFM + ", 12]}]}",
      "{\"<\": [" + RFM + ", 8]}",
      "{\">\": [{\"var\": \"lastPurchaseDaysAgo\"}, 180]}",
      "{\"in\": [{\"var\": \"city\"}, [\"上海\", \"杭州\"]]}",
      "{\"and\": [{\">=\": [{\"var\": \"totalSpend\"}, 5000]}, {\">=\": [{\"var\": \"orderCount\"}, 10]}]}",
      "{\"or\": [{\">=\": [{\"var\": \"followers\"}, 10000]}, {\"and\": [{\">=\": [{\"var\": \"followers\"}, 2000]}, {\">=\": [{\"var\": \"comments30d\"}, 20]}]}]}",
      "{\"and\": [{\"in\": [\"vip\", {\"var\": \"tags\"}]}, {\">\": [{\"var\": \"lastPurchaseDaysAgo\"}, 60]}]}",
      "{\"and\": [{\"<=\": [{\"var\": \"daysSinceSignup\"}, 30]}, {\"<=\": [{\"var\": \"orderCount\"}, 1]}]}",
      "{\"in\": [{\"var\": \"memberLevel\"}, [\"GOLD\", \"PLATINUM\"]]}",
      "{\"and\": [{\"==\": [{\"var\": \"gender\"}, \"F\"]}, {\"<=\": [18, {\"var\": \"age\"}, 30]}]}",
      "{\">=\": [{\"var\": \"age\"}, 55]}",
      "{\"and\": [{\">=\": [{\"var\": \"couponRedemptions\"}, 5]}, {\"!\": [{\"var\": \"optIn\"}]}]}",
      "{\"and\": [{\">=\": [{\"var\": \"returns90d\"}, 2]}, {\">=\": [{\"*\": [{\"var\": \"returns90d\"}, 2]}, {\"var\": \"orderCount90d\"}]}]}",
      "{\"and\": [{\">=\": [{\"+\": [{\"var\": \"shares30d\"}, {\"var\": \"comments30d\"}]}, 10]}, {\"!\": [{\"in\": [\"complained\", {\"var\": \"tags\"}]}]}]}",
      "{\">\": [{\"var\": \"avgOrderValue\"}, 500]}",
      "{\"and\": [{\"==\": [{\"var\": \"channel\"}, \"wechat\"]}, {\"in\": [\"wechat_bound\", {\"var\": \"tags\"}]}, {\">\": [{\"var\": \"comments30d\"}, 0]}]}",
      "{\"and\": [{\"in\": [{\"var\": \"city\"}, [\"北京\", \"上海\", \"广州\", \"深圳\"]]}, {\"==\": [{\"var\": \"memberLevel\"}, \"NONE\"]}]}"};

  /** Profiles and every engine, checked to agree before timing. */
  @State(Scope.Thread)
  public static class Workload {
    WorkloadProfile[] profiles;
    CompiledRuleSet rules;
    ProfileTable table;
    ProfileSnapshot[] snapshots;
    Evaluator evaluator;
    Expression[] spel;
    Rules easyRules;
    DefaultRulesEngine easyEngine;
    long easyBits;
    JsonLogic jsonLogic;
    List<Map<String, Object>> jsonData;
    int cursor;
    long[] out = new long[BATCH];

    @Setup(Level.Trial)
    public void setUp() throws JsonLogicException {
      profiles = new WorkloadProfile[PROFILES];
      for (int i = 0; i < PROFILES; i++) {
        profiles[i] = RulesWorkload.profile(SEED, i);
      }
      rules = compile();
      table = rules.newTable(PROFILES);
      snapshots = new ProfileSnapshot[PROFILES];
      for (int i = 0; i < PROFILES; i++) {
        AttributeMap values = RulesWorkload.attributes(profiles[i]);
        table.add(io.github.scrm.core.customer.CustomerId.of("c" + i), values);
        snapshots[i] = rules.snapshot(values);
      }
      evaluator = rules.evaluator(AS_OF);

      SpelExpressionParser parser = new SpelExpressionParser(
          new SpelParserConfiguration(SpelCompilerMode.IMMEDIATE, getClass().getClassLoader()));
      spel = new Expression[SPEL.length];
      for (int i = 0; i < SPEL.length; i++) {
        spel[i] = parser.parseExpression(SPEL[i]);
        for (int k = 0; k < 2_000; k++) {
          // every branch must have run once so that SpEL knows the operand types it compiles against
          spel[i].getValue(profiles[k], Boolean.class);
        }
        if (!((SpelExpression) spel[i]).compileExpression()) {
          throw new IllegalStateException("SpEL did not compile: " + SPEL[i]);
        }
      }

      easyRules = new Rules();
      for (int i = 0; i < MVEL.length; i++) {
        long bit = 1L << i;
        easyRules.register(new RuleBuilder().name(RulesWorkload.RULES.get(i)).priority(i)
            .when(new MVELCondition(MVEL[i])).then(facts -> easyBits |= bit).build());
      }
      easyEngine = new DefaultRulesEngine();

      jsonLogic = new JsonLogic();
      jsonData = new ArrayList<>(PROFILES);
      for (WorkloadProfile p : profiles) {
        jsonData.add(jsonMap(p));
      }

      int n = 20_000;
      long expected = 0;
      long engine = 0;
      long engineTable = 0;
      long spelSum = 0;
      long easy = 0;
      long json = 0;
      long[] block = new long[n];
      evaluator.evaluateRows(table, 0, n, block);
      long engineBlock = 0;
      for (int i = 0; i < n; i++) {
        engineBlock = mix(engineBlock, block[i]);
        expected = mix(expected, RulesWorkload.handWritten(profiles[i]));
        engine = mix(engine, evaluator.evaluate(snapshots[i])[0]);
        engineTable = mix(engineTable, evaluator.evaluate(table, i)[0]);
        spelSum = mix(spelSum, spel(i));
        easy = mix(easy, easy(i));
        json = mix(json, jsonLogic(i));
      }
      check("engine (snapshots)", expected, engine);
      check("engine (table)", expected, engineTable);
      check("engine (blocks)", expected, engineBlock);
      check("SpEL compiled", expected, spelSum);
      check("Easy Rules + MVEL", expected, easy);
      check("json-logic-java", expected, json);
    }

    long spel(int i) {
      WorkloadProfile p = profiles[i];
      long b = 0;
      for (int r = 0; r < spel.length; r++) {
        if (Boolean.TRUE.equals(spel[r].getValue(p, Boolean.class))) {
          b |= 1L << r;
        }
      }
      return b;
    }

    long easy(int i) {
      Facts facts = new Facts();
      facts.put("p", profiles[i]);
      easyBits = 0;
      easyEngine.fire(easyRules, facts);
      return easyBits;
    }

    long jsonLogic(int i) {
      Map<String, Object> data = jsonData.get(i);
      long b = 0;
      try {
        for (int r = 0; r < JSON_LOGIC.length; r++) {
          if (JsonLogic.truthy(jsonLogic.apply(JSON_LOGIC[r], data))) {
            b |= 1L << r;
          }
        }
      } catch (JsonLogicException e) {
        throw new IllegalStateException(e);
      }
      return b;
    }

    int next() {
      int i = cursor;
      cursor = i + 1 == PROFILES ? 0 : i + 1;
      return i;
    }
  }

  static CompiledRuleSet compile() {
    Segmentation seg = Segmentation.builder().catalogue(RulesWorkload.CATALOGUE)
        .businessTime(BusinessTime.of(Clock.fixed(AS_OF, ZoneOffset.UTC))).build();
    return seg.compile(RulesWorkload.resource("/rules/workload-rules.json")).orThrow();
  }

  static Map<String, Object> jsonMap(WorkloadProfile p) {
    Map<String, Object> m = new HashMap<>();
    m.put("city", p.city);
    m.put("gender", p.gender);
    m.put("age", p.age);
    m.put("memberLevel", p.memberLevel);
    m.put("channel", p.channel);
    m.put("orderCount", p.orderCount);
    m.put("orderCount90d", p.orderCount90d);
    m.put("avgOrderValue", p.getAvgOrderValue());
    m.put("totalSpend", p.getTotalSpend());
    m.put("lastPurchaseDaysAgo", p.lastPurchaseDaysAgo);
    m.put("discountedOrderShare", p.getDiscountedOrderShare());
    m.put("couponRedemptions", p.couponRedemptions);
    m.put("followers", p.followers);
    m.put("shares30d", p.shares30d);
    m.put("comments30d", p.comments30d);
    m.put("referrals", p.referrals);
    m.put("returns90d", p.returns90d);
    m.put("daysSinceSignup", p.daysSinceSignup);
    m.put("optIn", p.optIn);
    m.put("recencyScore", p.recencyScore);
    m.put("frequencyScore", p.frequencyScore);
    m.put("monetaryScore", p.monetaryScore);
    m.put("tags", new ArrayList<>(p.tags));
    return m;
  }

  static long mix(long h, long bits) {
    return h * 1_000_003L + bits;
  }

  static void check(String engine, long expected, long actual) {
    if (expected != actual) {
      throw new IllegalStateException(engine + " tags differ from the hand-written rules: checksum " + actual
          + " instead of " + expected);
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long handWritten(Workload w) {
    long h = 0;
    for (int k = 0; k < BATCH; k++) {
      h += RulesWorkload.handWritten(w.profiles[w.next()]);
    }
    return h;
  }

  /** The engine's block path: 1,000 consecutive profiles of the table, evaluated 256 rows at a time. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long engine(Workload w) {
    int from = w.cursor;
    w.cursor = from + BATCH == PROFILES ? 0 : from + BATCH;
    w.evaluator.evaluateRows(w.table, from, BATCH, w.out);
    return w.out[0] + w.out[BATCH - 1];
  }

  /** The engine's row-at-a-time path (what incremental re-evaluation and single-profile calls use). */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long engineRows(Workload w) {
    long h = 0;
    Evaluator ev = w.evaluator;
    for (int k = 0; k < BATCH; k++) {
      h += ev.evaluate(w.table, w.next())[0];
    }
    return h;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long engineSnapshots(Workload w) {
    long h = 0;
    Evaluator ev = w.evaluator;
    for (int k = 0; k < BATCH; k++) {
      h += ev.evaluate(w.snapshots[w.next()])[0];
    }
    return h;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long spelCompiled(Workload w) {
    long h = 0;
    for (int k = 0; k < BATCH; k++) {
      h += w.spel(w.next());
    }
    return h;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long easyRulesMvel(Workload w) {
    long h = 0;
    for (int k = 0; k < BATCH; k++) {
      h += w.easy(w.next());
    }
    return h;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long jsonLogic(Workload w) {
    long h = 0;
    for (int k = 0; k < BATCH; k++) {
      h += w.jsonLogic(w.next());
    }
    return h;
  }

  /** One million profiles in a table, for the batch target. */
  @State(Scope.Benchmark)
  public static class Million {
    ProfileTable table;

    @Setup(Level.Trial)
    public void setUp() {
      CompiledRuleSet rules = compile();
      table = rules.newTable(1_000_000);
      for (int i = 0; i < 1_000_000; i++) {
        table.add(io.github.scrm.core.customer.CustomerId.of("c" + i),
            RulesWorkload.attributes(RulesWorkload.profile(SEED, i)));
      }
    }
  }

  /** A full batch of 1M profiles x 20 rules on two threads, with tag counts and changes; time per batch. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public BatchResult batchMillionTwoThreads(Million m) {
    return BatchEvaluation.over(m.table).asOf(AS_OF).threads(2).run();
  }

  /** Profiles with one attribute that changes back and forth, for incremental versus full evaluation. */
  @State(Scope.Thread)
  public static class Changes {
    static final int N = 1024;
    CompiledRuleSet rules;
    Evaluator evaluator;
    ProfileSnapshot[] snapshots = new ProfileSnapshot[N];
    AttributeMap[][] values = new AttributeMap[N][2];
    long[][] state = new long[N][];
    List<AttributeKey<?>> changed = List.of(StandardAttributes.SHARES_30D);
    int cursor;
    int flip;

    @Setup(Level.Trial)
    public void setUp() {
      rules = compile();
      evaluator = rules.evaluator(AS_OF);
      for (int i = 0; i < N; i++) {
        WorkloadProfile p = RulesWorkload.profile(SEED, i);
        values[i][0] = RulesWorkload.attributes(p);
        values[i][1] = values[i][0].toBuilder().put(StandardAttributes.SHARES_30D, p.shares30d + 7L).build();
        snapshots[i] = rules.snapshot(values[i][0]);
        state[i] = evaluator.evaluate(snapshots[i]).clone();
      }
    }
  }

  /** Re-evaluates a profile after one attribute changed: reload that attribute, run the rules that read it. */
  @Benchmark
  public boolean incrementalOneAttribute(Changes c) {
    int i = c.cursor;
    c.cursor = (i + 1) & (Changes.N - 1);
    if (i == 0) {
      c.flip ^= 1;
    }
    return c.evaluator.reevaluate(c.snapshots[i], c.state[i], c.values[i][c.flip], c.changed);
  }

  /** Full evaluation of the same profiles: all 20 rules on the (already loaded) snapshot. */
  @Benchmark
  public long fullEvaluation(Changes c) {
    int i = c.cursor;
    c.cursor = (i + 1) & (Changes.N - 1);
    return c.evaluator.evaluate(c.snapshots[i])[0];
  }

  /** Full evaluation from the profile's values: build the snapshot from AttributeValues, run all 20 rules. */
  @Benchmark
  public long fullReloadAndEvaluate(Changes c) {
    int i = c.cursor;
    c.cursor = (i + 1) & (Changes.N - 1);
    return c.evaluator.evaluate(c.rules.snapshot(c.values[i][0]))[0];
  }
}
