package io.github.scrm.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.money.Money;
import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.segmentation.rule.Conditions;
import io.github.scrm.segmentation.rule.Problem;
import io.github.scrm.segmentation.rule.RuleDefinition;
import io.github.scrm.segmentation.rule.RuleKind;
import io.github.scrm.segmentation.rule.RuleSetDocument;
import io.github.scrm.segmentation.rule.RuleSetReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class SegmentationTest {

  private final Segmentation seg = Segmentation.builder()
      .businessTime(BusinessTime.of(Clock.fixed(Instant.parse("2024-06-15T04:00:00Z"), ZoneOffset.UTC))).build();

  static String doc(String rules) {
    return "{\"schemaVersion\": 1, \"name\": \"t\", \"version\": 1, \"rules\": [" + rules + "]}";
  }

  @Test
  void build_withoutBusinessTime_namesTheFix() {
    assertThatThrownBy(() -> Segmentation.builder().build()).hasMessageContaining("BusinessTime.of(");
  }

  @Test
  void compile_unknownAttribute_suggestsTheNearestName() {
    var problems = seg.validate(doc("{\"id\": \"a\", \"when\": \"orders.cuont >= 3\"}"));
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo("unknown-attribute");
      assertThat(p.message()).contains("did you mean 'orders.count'");
      assertThat(p.pointer()).isEqualTo("/rules/0/when");
      assertThat(p.line()).isEqualTo(1);
      assertThat(p.column()).isEqualTo(1);
    });
    assertThat(seg.validate(doc("{\"id\": \"a\", \"when\": \"discountedShare > 0.5\"}")).get(0).message())
        .contains("orders.discountedShare");
  }

  @Test
  void compile_reportsEveryProblemAtOnce_withLocations() {
    var problems = seg.validate(doc("""
        {"id": "a", "when": "spend.total > 'lots'"},
        {"id": "a", "when": "hasTag()"},
        {"id": "c", "when": "frobnicate(orders.count)"},
        {"id": "d", "when": "orders.count + spend.total > 3"},
        {"id": "e", "when": "spend.total > 10 USD"},
        {"id": "f", "when": "orders.count"}"""));
    assertThat(problems).extracting(Problem::code).containsExactlyInAnyOrder(
        "duplicate", "type-mismatch", "arity", "unknown-function", "type-mismatch", "currency", "type-mismatch");
    assertThat(problems).extracting(Problem::pointer).contains("/rules/1/id", "/rules/2/when", "/rules/3/when");
  }

  @Test
  void compile_segmentReferringToItselfThroughOthers_isACycle() {
    var problems = seg.validate(doc("""
        {"id": "a", "kind": "segment", "when": "inSegment('b')"},
        {"id": "b", "kind": "segment", "when": "inSegment('c') and orders.count > 1"},
        {"id": "c", "kind": "segment", "when": "inSegment('a')"},
        {"id": "d", "when": "inSegment('nope')"}"""));
    assertThat(problems).extracting(Problem::code).contains("cycle", "unknown-rule");
    assertThat(problems).filteredOn(p -> p.code().equals("cycle")).first()
        .satisfies(p -> assertThat(p.message()).contains("a -> b -> c -> a"));
  }

  @Test
  void compile_cycleReachedFromOutside_isReportedOnce() {
    var problems = seg.validate(doc("""
        {"id": "a", "kind": "segment", "when": "inSegment('b')"},
        {"id": "b", "kind": "segment", "when": "inSegment('a')"},
        {"id": "c", "kind": "segment", "when": "inSegment('a')"},
        {"id": "d", "kind": "segment", "when": "inSegment('d')"}"""));
    assertThat(problems).filteredOn(p -> p.code().equals("cycle")).extracting(Problem::message)
        .containsExactlyInAnyOrder("segment references form a cycle: a -> b -> a",
            "segment references form a cycle: d -> d");
  }

  @Test
  void compile_documentBuiltInCode_isCheckedLikeOneReadFromJson() {
    Compilation c = seg.compile(RuleSetDocument.of("", -5,
        List.of(RuleDefinition.tag("bad id, 'quoted'", "orders.count > 1"))));
    assertThat(c).isInstanceOfSatisfying(Compilation.Rejected.class, r -> assertThat(r.problems())
        .extracting(Problem::code, Problem::pointer).containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("missing-field", "/name"),
            org.assertj.core.groups.Tuple.tuple("missing-field", "/version"),
            org.assertj.core.groups.Tuple.tuple("bad-id", "/rules/0/id")));
    RuleSetDocument wrongSchema = new RuleSetDocument(7, "n", 1, Money.CNY,
        List.of(RuleDefinition.tag("a", "orders.count > 1")), List.of());
    assertThat(seg.validate(wrongSchema)).extracting(Problem::code).containsExactly("schema-version");
    List<RuleDefinition> many = java.util.stream.IntStream.range(0, RuleSetReader.MAX_RULES + 1)
        .mapToObj(i -> RuleDefinition.tag("r" + i, "orders.count > 1")).toList();
    assertThat(seg.compile(RuleSetDocument.of("n", 1, many))).isInstanceOfSatisfying(Compilation.Rejected.class,
        r -> assertThat(r.problems()).extracting(Problem::code).containsExactly("limit"));
  }

  @Test
  void compile_moneyAndDurationsOutOfRange_areProblemsNotExceptions() {
    String json = doc("""
        {"id": "a", "when": "spend.total > ¥99999999999999999999"},
        {"id": "b", "when": "withinLast(purchase.last, 3000000000000000h)"},
        {"id": "c", "when": "withinLast(purchase.last, 200000000000d)"},
        {"id": "d", "ttl": "200000000000d", "when": "orders.count > 1"},
        {"id": "e", "when": {">": [{"var": "spend.total"}, {"money": "99999999999999999999 CNY"}]}},
        {"id": "f", "when": {"withinLast": [{"var": "purchase.last"}, {"duration": "200000000000d"}]}}""");
    assertThat(seg.validate(json)).extracting(Problem::pointer).containsExactly("/rules/0/when", "/rules/1/when",
        "/rules/2/when", "/rules/3/ttl", "/rules/4/when/>/1/money", "/rules/5/when/withinLast/1/duration");
    assertThat(seg.validate(json)).filteredOn(p -> p.pointer().startsWith("/rules/3"))
        .singleElement().satisfies(p -> assertThat(p.message()).contains("at most 36500d"));
    assertThat(seg.compile(json)).isInstanceOf(Compilation.Rejected.class);
    assertThat(seg.activate(json)).isInstanceOf(Compilation.Rejected.class);
    assertThat(seg.active()).isEmpty();
  }

  @Test
  void compile_documentBuiltInCode_withTtlOutOfRangeOrOnASegment_isRejected() {
    RuleDefinition tooLong = new RuleDefinition("a", RuleKind.TAG, "", "", Optional.of(Duration.ofDays(200_000_000_000L)),
        0, Conditions.parse("orders.count > 1"), "");
    RuleDefinition negative = new RuleDefinition("b", RuleKind.TAG, "", "", Optional.of(Duration.ofHours(-1)),
        0, Conditions.parse("orders.count > 1"), "");
    RuleDefinition onSegment = new RuleDefinition("c", RuleKind.SEGMENT, "", "", Optional.of(Duration.ofDays(1)),
        0, Conditions.parse("orders.count > 1"), "");
    RuleDefinition longest = new RuleDefinition("d", RuleKind.TAG, "", "", Optional.of(Conditions.MAX_DURATION),
        0, Conditions.parse("orders.count > 1"), "");
    Compilation c = seg.activate(RuleSetDocument.of("n", 1, List.of(tooLong, negative, onSegment, longest)));
    assertThat(c).isInstanceOfSatisfying(Compilation.Rejected.class, r -> assertThat(r.problems())
        .extracting(Problem::code, Problem::pointer).containsExactly(
            org.assertj.core.groups.Tuple.tuple("bad-value", "/rules/0/ttl"),
            org.assertj.core.groups.Tuple.tuple("bad-value", "/rules/1/ttl"),
            org.assertj.core.groups.Tuple.tuple("bad-value", "/rules/2/ttl")));
    assertThat(seg.compile(RuleSetDocument.of("n", 1, List.of(longest)))).isInstanceOf(Compilation.Compiled.class);
  }

  @Test
  void compile_documentReadFromJson_reportsEachDocumentProblemOnce() {
    var problems = seg.validate("{\"schemaVersion\": 1, \"name\": \"\", \"version\": 0, \"rules\": ["
        + "{\"id\": \"a b\", \"when\": \"orders.count > 1\"}]}");
    assertThat(problems).extracting(Problem::pointer).containsExactlyInAnyOrder("/name", "/version", "/rules/0/id");
  }

  @Test
  void compile_oversizedRule_hitsTheNodeLimit() {
    String big = "orders.count > 1" + " or orders.count > 1".repeat(300);
    assertThat(seg.validate(doc("{\"id\": \"a\", \"when\": \"" + big + "\"}"))).extracting(Problem::code)
        .contains("limit");
  }

  @Test
  void compile_longArithmeticChain_isALimitProblem_notAStackOverflow() {
    String chain = "orders.count" + "+1".repeat(2000) + " > 0";
    String json = doc("{\"id\": \"a\", \"when\": \"" + chain + "\"}");
    assertThat(seg.validate(json)).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo("limit");
      assertThat(p.pointer()).isEqualTo("/rules/0/when");
      assertThat(p.line()).isEqualTo(1);
      assertThat(p.column()).isPositive();
      assertThat(p.message()).contains("at most " + Conditions.MAX_NODES + " nodes");
    });
    assertThat(seg.compile(json)).isInstanceOf(Compilation.Rejected.class);
    assertThat(seg.activate(json)).isInstanceOf(Compilation.Rejected.class);
    String product = "spend.total" + " * 1".repeat(2000) + " > ¥1";
    assertThat(seg.validate(doc("{\"id\": \"a\", \"when\": \"" + product + "\"}"))).extracting(Problem::code)
        .containsExactly("limit");
  }

  @Test
  void compile_nestedSets_areASyntaxProblem_notAStackOverflow() {
    String nested = "orders.count in " + "[".repeat(1000) + "1" + "]".repeat(1000);
    assertThat(seg.validate(doc("{\"id\": \"a\", \"when\": \"" + nested + "\"}"))).singleElement()
        .satisfies(p -> {
          assertThat(p.code()).isEqualTo("syntax");
          assertThat(p.message()).contains("nested");
          assertThat(p.pointer()).isEqualTo("/rules/0/when");
          assertThat(p.column()).isEqualTo(18);
        });
  }

  @Test
  void compile_ruleJustUnderTheNodeLimit_isAccepted() {
    String chain = "orders.count" + "+1".repeat(150) + " > 0";
    assertThat(seg.validate(doc("{\"id\": \"a\", \"when\": \"" + chain + "\"}"))).isEmpty();
  }

  @Test
  void activate_invalidRuleSet_keepsThePreviousOne() {
    Compilation ok = seg.activate(doc("{\"id\": \"a\", \"when\": \"orders.count > 1\"}"));
    assertThat(ok).isInstanceOf(Compilation.Compiled.class);
    Compilation bad = seg.activate(doc("{\"id\": \"a\", \"when\": \"orders.count > \"}"));
    assertThat(bad).isInstanceOf(Compilation.Rejected.class);
    assertThat(seg.active()).containsSame(((Compilation.Compiled) ok).ruleSet());
    assertThat(seg.activate("not json")).isInstanceOf(Compilation.Rejected.class);
    assertThat(seg.active()).containsSame(((Compilation.Compiled) ok).ruleSet());
  }
}
