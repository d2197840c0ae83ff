package io.github.scrm.segmentation;

import static io.github.scrm.core.attribute.StandardAttributes.BIRTHDAY;
import static io.github.scrm.core.attribute.StandardAttributes.CITY;
import static io.github.scrm.core.attribute.StandardAttributes.DISCOUNTED_SHARE;
import static io.github.scrm.core.attribute.StandardAttributes.COUPON_REDEMPTIONS;
import static io.github.scrm.core.attribute.StandardAttributes.LAST_PURCHASE;
import static io.github.scrm.core.attribute.StandardAttributes.ORDERS;
import static io.github.scrm.core.attribute.StandardAttributes.SPEND;
import static io.github.scrm.core.attribute.StandardAttributes.TAGS;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSet;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.time.BusinessTime;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CompiledRuleSetTest {

  private static final Instant NOW = Instant.parse("2024-06-15T04:00:00Z");
  private final Segmentation seg = Segmentation.builder().businessTime(BusinessTime.of(Clock.fixed(NOW,
      BusinessTime.SHANGHAI))).build();

  private CompiledRuleSet compile(String rules) {
    return seg.compile(SegmentationTest.doc(rules)).orThrow();
  }

  @Test
  void evaluate_tagsWithProvenance_highestPriorityFirst() {
    CompiledRuleSet rs = compile("""
        {"id": "price_sensitive", "priority": 1, "when": "orders.discountedShare > 0.6 and coupons.redeemed >= 3"},
        {"id": "big", "priority": 5, "when": "spend.total >= ¥300"},
        {"id": "shanghai", "kind": "segment", "when": "profile.city = '上海'"}""");
    AttributeMap p = AttributeMap.builder().put(DISCOUNTED_SHARE, new BigDecimal("0.75")).put(COUPON_REDEMPTIONS, 3L)
        .put(SPEND, Money.fen(30_000)).put(CITY, "上海").build();
    TagResult r = rs.evaluate(p, NOW);
    assertThat(r.tagNames()).containsExactly("big", "price_sensitive");
    assertThat(r.segments()).extracting(TagMatch::tag).containsExactly("shanghai");
    assertThat(r.tags().get(0)).isEqualTo(new TagMatch("big", "big", "t", 1, NOW));
  }

  @Test
  void evaluate_moneyTimesOrDividedByANumber_roundsHalfEvenToTheFen() {
    CompiledRuleSet rs = compile("""
        {"id": "times", "when": "spend.total * 2.3 = ¥0.58"},
        {"id": "divided", "when": "spend.total / 0.56 = ¥0.38"}""");
    assertThat(rs.evaluate(AttributeMap.builder().put(SPEND, Money.fen(25)).build(), NOW).tagNames())
        .containsExactly("times");
    assertThat(rs.evaluate(AttributeMap.builder().put(SPEND, Money.fen(21)).build(), NOW).tagNames())
        .containsExactly("divided");
  }

  @Test
  void evaluate_unaryMinus_hasTheTypeOfItsOperand_andNegatesExactly() {
    CompiledRuleSet rs = compile("""
        {"id": "spent", "when": "-spend.total < -¥100"},
        {"id": "exact", "when": "-(spend.total * 2.3) = -¥0.58 and -spend.total / 2 = -¥0.12"},
        {"id": "counted", "when": "-orders.count <= -3"}""");
    AttributeMap quarter = AttributeMap.builder().put(SPEND, Money.fen(25)).put(ORDERS, 3L).build();
    assertThat(rs.evaluate(quarter, NOW).tagNames()).containsExactlyInAnyOrder("exact", "counted");
    AttributeMap big = AttributeMap.builder().put(SPEND, Money.fen(10_001)).build();
    assertThat(rs.evaluate(big, NOW).tagNames()).containsExactly("spent");
    assertThat(rs.interpret(big, List.of(), NOW, "spent")).isEqualTo(Frame.TRUE);
    assertThat(rs.interpret(AttributeMap.builder().build(), List.of(), NOW, "spent")).isEqualTo(Frame.UNKNOWN);
    assertThat(rs.explain(big, NOW, "spent").toString()).contains("└─ -spend.total  → -100.01 CNY");
    assertThat(seg.validate(SegmentationTest.doc("{\"id\": \"x\", \"when\": \"-profile.city = 'a'\"}")))
        .singleElement().satisfies(p -> {
          assertThat(p.code()).isEqualTo("type-mismatch");
          assertThat(p.message()).contains("unary minus applies to a number or money");
        });
  }

  @Test
  void withinLast_anInstantInTheFuture_isNotWithinTheLastDays_untilItArrives() {
    CompiledRuleSet rs = compile("{\"id\": \"recent\", \"when\": \"withinLast(purchase.last, 90d)\"}");
    Instant tomorrow = NOW.plus(Duration.ofDays(1));
    AttributeMap p = AttributeMap.builder().put(LAST_PURCHASE, tomorrow).build();
    TagResult r = rs.evaluate(p, NOW);
    assertThat(r.tagNames()).isEmpty();
    assertThat(rs.interpret(p, List.of(), NOW, "recent")).isEqualTo(Frame.FALSE);
    assertThat(r.nextChange()).contains(tomorrow);
    assertThat(rs.evaluate(p, tomorrow).tagNames()).containsExactly("recent");
  }

  @Test
  void evaluate_absentAttribute_isUnknown_soNeitherTheConditionNorItsNegationMatches() {
    CompiledRuleSet rs = compile("""
        {"id": "many", "when": "orders.count >= 10"},
        {"id": "few", "when": "not (orders.count >= 10)"},
        {"id": "either", "when": "orders.count >= 10 or spend.total > ¥0"},
        {"id": "known", "when": "not present(orders.count)"}""");
    TagResult r = rs.evaluate(AttributeMap.builder().put(SPEND, Money.fen(5)).build(), NOW);
    assertThat(r.tagNames()).containsExactlyInAnyOrder("either", "known");
    Evaluator ev = rs.evaluator(NOW);
    ev.evaluate(rs.snapshot(AttributeMap.empty()));
    assertThat(ev.state(rs.indexOf("many"))).isEqualTo(Frame.UNKNOWN);
    assertThat(ev.state(rs.indexOf("either"))).isEqualTo(Frame.UNKNOWN);
  }

  @Test
  void evaluate_moneyArithmetic_andSetsAndStrings() {
    CompiledRuleSet rs = compile("""
        {"id": "a", "when": "spend.total / orders.count >= ¥100 and spend.total * 0.5 < ¥1000"},
        {"id": "b", "when": "profile.tags containsAll {'vip', 'wechat'} and not (profile.tags contains 'complained')"},
        {"id": "c", "when": "startsWith(profile.city, '上') and profile.city not in {'北京'}"}""");
    AttributeMap p = AttributeMap.builder().put(SPEND, Money.fen(150_000)).put(ORDERS, 10L).put(CITY, "上海")
        .put(TAGS, ImmutableSet.of("vip", "wechat")).build();
    assertThat(rs.evaluate(p, NOW).tagNames()).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void evaluate_hasTag_seesManualAndImportedTags() {
    CompiledRuleSet rs = compile("{\"id\": \"a\", \"when\": \"hasTag('staff_pick')\"}");
    assertThat(rs.evaluate(AttributeMap.empty(), NOW).tagNames()).isEmpty();
    assertThat(rs.evaluate(AttributeMap.empty(), List.of("staff_pick"), NOW).tagNames()).containsExactly("a");
  }

  @Test
  void evaluate_inSegment_usesTheReferencedResult() {
    CompiledRuleSet rs = compile("""
        {"id": "vip_at_risk", "when": "inSegment('vip') and daysSince(purchase.last) > 60"},
        {"id": "vip", "kind": "segment", "when": "hasTag('vip')"}""");
    AttributeMap p = AttributeMap.builder().put(TAGS, ImmutableSet.of("vip"))
        .put(LAST_PURCHASE, NOW.minus(Duration.ofDays(61))).build();
    assertThat(rs.evaluate(p, NOW).tagNames()).containsExactly("vip_at_risk");
  }

  @Test
  void nextChange_isWhenDaysSinceCrossesTheNextWholeDay() {
    CompiledRuleSet rs = compile("{\"id\": \"lapsed\", \"when\": \"daysSince(purchase.last) > 180\"}");
    Instant last = NOW.minus(Duration.ofDays(100)).minusSeconds(3600);
    TagResult r = rs.evaluate(AttributeMap.builder().put(LAST_PURCHASE, last).build(), NOW);
    assertThat(r.nextChange()).contains(last.plus(Duration.ofDays(101)));
    assertThat(rs.evaluate(AttributeMap.empty(), NOW).nextChange()).isEmpty();
  }

  @Test
  void birthdayFunctions_countInTheBusinessZone() {
    CompiledRuleSet rs = compile("""
        {"id": "month", "when": "birthdayThisMonth()"},
        {"id": "soon", "when": "birthdayWithin(7)"}""");
    AttributeMap p = AttributeMap.builder().put(BIRTHDAY, LocalDate.of(1990, 6, 20)).build();
    TagResult r = rs.evaluate(p, NOW);
    assertThat(r.tagNames()).containsExactlyInAnyOrder("month", "soon");
    assertThat(r.nextChange()).contains(Instant.parse("2024-06-15T16:00:00Z"));
    assertThat(rs.evaluate(p, Instant.parse("2024-06-30T16:30:00Z")).tagNames()).isEmpty();
  }

  @Test
  void explain_printsTheTreeWithTheValuesSeen() {
    CompiledRuleSet rs = compile("""
        {"id": "vip_at_risk", "when": "hasTag('vip') and daysSince(purchase.last) > 60 and spend.total >= ¥5000"}""");
    AttributeMap p = AttributeMap.builder().put(TAGS, ImmutableSet.of("vip"))
        .put(LAST_PURCHASE, NOW.minus(Duration.ofDays(75))).put(SPEND, Money.fen(120_000)).build();
    Explanation e = rs.explain(p, NOW, "vip_at_risk");
    assertThat(e.matched()).isFalse();
    assertThat(e.toString()).contains("vip_at_risk: not matched").contains("hasTag('vip')  → TRUE")
        .contains("daysSince(purchase.last)  → 75").contains("spend.total >= 5000.00 CNY  → FALSE")
        .contains("spend.total  → 1200.00 CNY");
  }

  @Test
  void incremental_onlyRulesReadingTheChangedAttributeRun() {
    CompiledRuleSet rs = compile("""
        {"id": "a", "when": "orders.count >= 2"},
        {"id": "b", "when": "spend.total >= ¥10"},
        {"id": "c", "kind": "segment", "when": "inSegment('a') and hasTag('x')"}""");
    assertThat(rs.affectedBy(ORDERS.name())).containsExactly(0, 2);
    assertThat(rs.affectedBy(SPEND.name())).containsExactly(1);
    AttributeMap p = AttributeMap.builder().put(ORDERS, 1L).put(TAGS, ImmutableSet.of("x")).build();
    ProfileSnapshot s = rs.snapshot(p);
    Evaluator ev = rs.evaluator(NOW);
    long[] state = ev.evaluate(s).clone();
    AttributeMap changed = p.toBuilder().put(ORDERS, 3L).build();
    assertThat(ev.reevaluate(s, state, changed, List.of(ORDERS))).isTrue();
    assertThat(rs.result(state, NOW, java.util.Optional.empty()).has("c")).isTrue();
    assertThat(ev.reevaluate(s, state, changed, List.of(ORDERS))).isFalse();
  }

  @Test
  void explain_aNumberThatOverflowsToInfinity_isShown_notAnException() {
    String big = "1" + "0".repeat(200);
    CompiledRuleSet rs = compile("{\"id\": \"huge\", \"when\": \"orders.count * " + big + " * " + big
        + " > 5 and -orders.count * " + big + " * " + big + " < 5\"}");
    AttributeMap p = AttributeMap.builder().put(ORDERS, 3L).build();
    assertThat(rs.evaluate(p, NOW).tagNames()).containsExactly("huge");
    String explained = rs.explain(p, NOW, "huge").toString();
    assertThat(explained).startsWith("huge: matched").contains("→ Infinity", "→ -Infinity");
  }
}
