package io.github.scrm.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.scrm.core.attribute.AttributeKey;
import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.segmentation.rule.Conditions;
import io.github.scrm.segmentation.rule.Expression;
import io.github.scrm.segmentation.rule.ParsedCondition;
import io.github.scrm.segmentation.rule.RuleDefinition;
import io.github.scrm.segmentation.rule.RuleSetDocument;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class CompiledRuleSetProperties {

  private static final Segmentation SEG =
      Segmentation.builder().businessTime(BusinessTime.of(Clock.fixed(RandomRules.AS_OF, ZoneOffset.UTC))).build();

  @Test
  void textFormAndJsonForm_parseToEqualTrees_andGiveSameResults() {
    qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
      Expression e = new RandomRules(seed, 0).condition(3);
      ParsedCondition text = Conditions.parse(Conditions.toText(e));
      ParsedCondition json = Conditions.fromJson(Conditions.toJson(e), "");
      assertThat(text.problems()).isEmpty();
      assertThat(json.problems()).isEmpty();
      assertThat(text.expression()).contains(e);
      assertThat(json.expression()).contains(e);
      CompiledRuleSet a = compile(text);
      CompiledRuleSet b = compile(json);
      for (int i = 0; i < 10; i++) {
        AttributeMap p = RandomRules.profile(seed + i);
        assertThat(a.evaluate(p, RandomRules.AS_OF).has("t")).isEqualTo(b.evaluate(p, RandomRules.AS_OF).has("t"));
      }
    });
  }

  private static CompiledRuleSet compile(ParsedCondition c) {
    RuleDefinition r = new RuleDefinition("t", io.github.scrm.segmentation.rule.RuleKind.TAG, "", "",
        java.util.Optional.empty(), 0, c, "/rules/0");
    return SEG.compile(RuleSetDocument.of("p", 1, List.of(r))).orThrow();
  }

  @Test
  void compiledEvaluation_equalsReferenceInterpreter() {
    qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
      CompiledRuleSet rules = SEG.compile(RandomRules.ruleSet(seed, 6, 3)).orThrow();
      Evaluator ev = rules.evaluator(RandomRules.AS_OF);
      for (int i = 0; i < 12; i++) {
        AttributeMap p = RandomRules.profile(seed ^ (i * 7919L));
        ev.evaluate(rules.snapshot(p));
        for (String id : rules.ruleIds()) {
          int expected = rules.interpret(p, List.of(), RandomRules.AS_OF, id);
          assertThat(ev.state(rules.indexOf(id))).as("%s on seed %s: %s", id, seed, rules.rule(id).orElseThrow()
              .condition().expression().orElseThrow()).isEqualTo(expected);
        }
      }
    });
  }

  @Test
  void incrementalEvaluation_equalsFullEvaluation_afterRandomChanges() {
    List<AttributeKey<?>> pool = new ArrayList<>();
    pool.addAll(RandomRules.NUMBERS);
    pool.addAll(RandomRules.MONEYS);
    pool.addAll(RandomRules.STRINGS);
    pool.addAll(RandomRules.SETS);
    pool.addAll(RandomRules.BOOLS);
    pool.addAll(RandomRules.INSTANTS);
    qt().withExamples(150).forAll(longs().all(), integers().between(1, 4)).checkAssert((seed, changes) -> {
      CompiledRuleSet rules = SEG.compile(RandomRules.ruleSet(seed, 8, 2)).orThrow();
      Evaluator ev = rules.evaluator(RandomRules.AS_OF);
      AttributeMap p = RandomRules.profile(seed);
      ProfileSnapshot s = rules.snapshot(p);
      long[] state = ev.evaluate(s).clone();
      Random r = new Random(seed);
      for (int c = 0; c < changes; c++) {
        AttributeMap donor = RandomRules.profile(r.nextLong());
        AttributeKey<?> first = pool.get(r.nextInt(pool.size()));
        List<AttributeKey<?>> changed = r.nextBoolean() ? List.of(first)
            : List.of(first, pool.get(r.nextInt(pool.size())));
        AttributeMap.Builder b = p.toBuilder();
        for (AttributeKey<?> k : changed) {
          Object v = donor.asMap().get(k);
          if (v == null) {
            b.remove(k);
          } else {
            b.putChecked(k, v);
          }
        }
        p = b.build();
        if (r.nextInt(4) == 0) {
          ev.at(RandomRules.AS_OF.plusSeconds(86_400L * r.nextInt(3))).reevaluateTime(s, state);
          ev.at(RandomRules.AS_OF).reevaluateTime(s, state);
        }
        ev.reevaluate(s, state, p, changed);
        long[] full = rules.evaluator(RandomRules.AS_OF).evaluate(rules.snapshot(p));
        assertThat(state).isEqualTo(full);
      }
    });
  }

  @Test
  void nextChangeInstant_isNeverLate() {
    qt().withExamples(100).forAll(longs().all(), integers().between(1, 400 * 24)).checkAssert((seed, hours) -> {
      CompiledRuleSet rules = SEG.compile(RandomRules.ruleSet(seed, 5, 2)).orThrow();
      AttributeMap p = RandomRules.profile(seed);
      ProfileSnapshot s = rules.snapshot(p);
      Evaluator ev = rules.evaluator(RandomRules.AS_OF);
      long[] now = ev.evaluate(s).clone();
      Instant next = ev.nextChange(s).orElse(Instant.MAX);
      Instant later = RandomRules.AS_OF.plusSeconds(hours * 3600L - 1);
      if (later.isBefore(next)) {
        assertThat(rules.evaluator(later).evaluate(s)).as("results at %s, before the next change %s", later, next)
            .isEqualTo(now);
      }
    });
  }

  @Test
  void blockEvaluation_equalsRowEvaluation() {
    qt().withExamples(60).forAll(longs().all(), integers().between(1, 700)).checkAssert((seed, rows) -> {
      CompiledRuleSet rules = SEG.compile(RandomRules.ruleSet(seed, 7, 3)).orThrow();
      ProfileTable table = rules.newTable(rows);
      for (int i = 0; i < rows; i++) {
        table.add(io.github.scrm.core.customer.CustomerId.of("c" + i), RandomRules.profile(seed + i));
      }
      Evaluator ev = rules.evaluator(RandomRules.AS_OF);
      long[] out = new long[rows];
      ev.evaluateRows(table, 0, rows, out);
      for (int i = 0; i < rows; i++) {
        assertThat(out[i]).as("row %s", i).isEqualTo(ev.evaluate(table, i)[0]);
      }
    });
  }
}
