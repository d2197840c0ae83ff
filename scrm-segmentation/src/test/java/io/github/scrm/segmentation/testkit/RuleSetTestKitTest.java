package io.github.scrm.segmentation.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.segmentation.Segmentation;
import io.github.scrm.segmentation.ShippedRuleSets;
import io.github.scrm.segmentation.rule.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

final class RuleSetTestKitTest {

  private final Segmentation seg = Segmentation.builder()
      .businessTime(BusinessTime.of(Clock.fixed(Instant.parse("2024-06-15T04:00:00Z"), BusinessTime.SHANGHAI)))
      .build();

  static String resource(String name) {
    try (InputStream in = RuleSetTestKitTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shippedRetailSeed_meetsItsExpectations() {
    TestReport report = RuleSetTestKit.run(seg, ShippedRuleSets.retailSeed(), resource("retail-seed-fixtures.json"),
        resource("retail-seed.expectations"));
    report.assertPassed();
    assertThat(report.checked()).isEqualTo(23);
  }

  @Test
  void failingExpectation_printsTheExplainTreeOfItsTag() {
    TestReport report = RuleSetTestKit.run(seg, ShippedRuleSets.retailSeed(), resource("retail-seed-fixtures.json"),
        "as of 2024-06-15T04:00:00Z\nbob has vip_at_risk\n");
    assertThat(report.passed()).isFalse();
    assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.line()).isEqualTo(2));
    assertThatThrownBy(report::assertPassed).isInstanceOf(AssertionError.class)
        .hasMessageContaining("line 2: bob has vip_at_risk does not hold")
        .hasMessageContaining("profile.memberLevel in {'GOLD', 'PLATINUM'}  → FALSE")
        .hasMessageContaining("daysSince(purchase.last)  → 258");
  }

  @Test
  void badFixturesAndExpectations_reportEveryProblemWithItsLocation() {
    TestReport report = RuleSetTestKit.run(seg, ShippedRuleSets.retailSeed(), """
        {"profiles": {"zoe": {"orders.cont": 3, "spend.total": "lots", "purchase.last": "yesterday"}}}""", """
        zoe has lapsed
        as of 2024-06-15T04:00:00Z
        zoe has nothing_like_this
        yan has lapsed
        zoe maybe lapsed
        """);
    assertThat(report.passed()).isFalse();
    assertThat(report.problems()).extracting(Problem::pointer).contains("/profiles/zoe/orders.cont",
        "/profiles/zoe/spend.total", "/profiles/zoe/purchase.last");
    assertThat(report.problems()).filteredOn(p -> p.code().equals("expectation")).extracting(Problem::line)
        .containsExactly(1, 3, 4, 5);
    assertThat(report.problems().get(0).message()).contains("did you mean 'orders.count'");
  }

  @Test
  void fixtureCountBeyondTheLongRange_isATypeMismatch_notAWrappedValue() {
    TestReport report = RuleSetTestKit.run(seg, ShippedRuleSets.retailSeed(), """
        {"profiles": {"zoe": {"orders.count": 18446744073709551617, "orders.count.90d": 3.0,
                              "orders.count.365d": 9223372036854775807}}}""", """
        as of 2024-06-15T04:00:00Z
        zoe lacks lapsed
        """);
    assertThat(report.problems()).extracting(Problem::code, Problem::pointer).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("type-mismatch", "/profiles/zoe/orders.count"),
        org.assertj.core.groups.Tuple.tuple("type-mismatch", "/profiles/zoe/orders.count.90d"));
    assertThat(report.problems().get(0).message()).contains("18446744073709551617");
  }

  @Test
  void fixturesWithARepeatedProfileOrAttribute_areMalformed_withLineAndColumn() {
    String expectations = "as of 2024-06-15T04:00:00Z\nzoe lacks lapsed\n";
    TestReport twoZoes = RuleSetTestKit.run(seg, ShippedRuleSets.retailSeed(), """
        {"profiles": {
          "zoe": {"orders.count": 1},
          "zoe": {"orders.count": 2}}}""", expectations);
    assertThat(twoZoes.problems()).extracting(Problem::code, Problem::line).containsExactly(
        org.assertj.core.groups.Tuple.tuple("malformed-json", 3));
    assertThat(twoZoes.problems().get(0).message()).contains("'zoe'");
    TestReport twoCounts = RuleSetTestKit.run(seg, ShippedRuleSets.retailSeed(), """
        {"profiles": {"zoe": {"orders.count": 1, "orders.count": 2}}}""", expectations);
    assertThat(twoCounts.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo("malformed-json");
      assertThat(p.message()).contains("'orders.count'");
      assertThat(p.line()).isEqualTo(1);
      assertThat(p.column()).isGreaterThan(1);
    });
    TestReport trailing = RuleSetTestKit.run(seg, ShippedRuleSets.retailSeed(),
        "{\"profiles\": {\"zoe\": {}}} {\"profiles\": {}}", expectations);
    assertThat(trailing.problems()).extracting(Problem::code).containsExactly("malformed-json");
  }

  @Test
  void expectations_nameTagsHoldingAHash_andStillTakeComments() {
    String rules = """
        {"schemaVersion": 1, "name": "t", "version": 1, "rules": [
          {"id": "vip#gold", "when": "orders.count >= 10"}, {"id": "#1", "when": "orders.count >= 1"}]}""";
    String fixtures = """
        {"profiles": {"zoe": {"orders.count": 12}, "bob": {"orders.count": 0}}}""";
    TestReport report = RuleSetTestKit.run(seg, rules, fixtures, """
        # instants are UTC
        as of 2024-06-15T04:00:00Z   # the default below
        zoe has vip#gold             # a heavy buyer
        zoe has #1 #the first order
        bob lacks vip#gold as of 2024-06-16T04:00:00Z#late
        bob lacks #1	# no order at all
        """);
    assertThat(report.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(5);
      assertThat(p.message()).contains("ISO-8601");
    });
    TestReport fixed = RuleSetTestKit.run(seg, rules, fixtures, """
        as of 2024-06-15T04:00:00Z   # the default below
        zoe has vip#gold             # a heavy buyer
        zoe has #1 #the first order
        bob lacks vip#gold as of 2024-06-16T04:00:00Z # not a comment before the space
        bob lacks #1	# no order at all
        """);
    fixed.assertPassed();
    assertThat(fixed.checked()).isEqualTo(4);
  }

  @Test
  void invalidRuleSet_isNotRun() {
    TestReport report = RuleSetTestKit.run(seg, "{\"schemaVersion\": 2}", "{\"profiles\": {}}", "");
    assertThat(report.problems()).extracting(Problem::code).contains("schema-version");
    assertThat(report.checked()).isZero();
  }

  @Test
  void runFiles_readsTheThreeFiles_andReportsAMissingOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws IOException {
    java.nio.file.Path rules = java.nio.file.Files.writeString(dir.resolve("r.json"), ShippedRuleSets.retailSeed());
    java.nio.file.Path fixtures = java.nio.file.Files.writeString(dir.resolve("f.json"),
        resource("retail-seed-fixtures.json"));
    java.nio.file.Path expectations = java.nio.file.Files.writeString(dir.resolve("e.txt"),
        "as of 2024-06-15T04:00:00Z\nbob has lapsed\n");
    assertThat(RuleSetTestKit.runFiles(seg, rules, fixtures, expectations).passed()).isTrue();
    TestReport missing = RuleSetTestKit.runFiles(seg, rules, dir.resolve("nope.json"), expectations);
    assertThat(missing.problems()).extracting(Problem::code).containsExactly("unreadable-file");
  }

  @Test
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void fixtureMoneyWrittenAsAJsonNumberWithAnExponent_isReadExactly_orIsAProblem() {
    TestReport report = RuleSetTestKit.run(seg, ShippedRuleSets.retailSeed(), """
        {"profiles": {"zoe": {"spend.total.365d": 5.2e3, "orders.count.365d": 1},
                      "yan": {"spend.total.365d": 1e999999999}}}""", "");
    assertThat(report.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo("type-mismatch");
      assertThat(p.pointer()).isEqualTo("/profiles/yan/spend.total.365d");
    });
    TestReport zoe = RuleSetTestKit.run(seg, ShippedRuleSets.retailSeed(), """
        {"profiles": {"zoe": {"spend.total.365d": 5.2e3}}}""", "as of 2024-06-15T04:00:00Z\nzoe has grade_A\n");
    zoe.assertPassed();
  }
}
