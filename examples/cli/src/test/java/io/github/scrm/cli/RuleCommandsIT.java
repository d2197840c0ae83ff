package io.github.scrm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rules validate, rules test, rules diff, tag and explain, each run as a process on files. */
final class RuleCommandsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AS_OF = "2026-06-01T00:00:00Z";

  private static final String RULES = String.join("\n",
      "{",
      "  \"schemaVersion\": 1, \"name\": \"shop\", \"version\": 1, \"currency\": \"CNY\",",
      "  \"rules\": [",
      "    {\"id\": \"big_spender\", \"priority\": 10, \"when\": \"spend.total.365d >= ¥5000\"},",
      "    {\"id\": \"lapsed\", \"when\": \"daysSince(purchase.last) > 180\"},",
      "    {\"id\": \"buyer\", \"kind\": \"segment\", \"when\": \"orders.count >= 1\"}",
      "  ]",
      "}", "");

  private static final String PROFILES = String.join("\n",
      "{\"customerId\":\"c-1\",\"attributes\":{\"spend.total.365d\":\"6000.00 CNY\",\"orders.count\":3,"
          + "\"purchase.last\":\"2026-05-20T10:00:00Z\"}}",
      "{\"customerId\":\"c-2\",\"attributes\":{\"spend.total.365d\":\"300.00 CNY\",\"orders.count\":1,"
          + "\"purchase.last\":\"2025-06-01T10:00:00Z\"}}",
      "{\"customerId\":\"c-3\",\"attributes\":{\"orders.count\":\"many\"}}",
      "{\"id\":\"c-4\",\"orders.count\":0,\"profile.tags\":[\"vip\"]}", "");

  @TempDir
  Path dir;

  private Path write(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private static List<JsonNode> jsonLines(String text) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  @Test
  void tag_rulesAndProfilesBothFromStdin_isBadInputNamingBoth() throws Exception {
    // stdin can be read once: the rules took all of it and the profiles read nothing, tagging nobody with exit 0
    ScrmProcess.Result r = ScrmProcess.run(RULES, "tag", "--rules", "-", "--profiles", "-", "--out", "-",
        "--as-of", AS_OF);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("error: --rules and --profiles both read stdin (-), which can be read only once; "
        + "give all but one of them as files");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void rulesDiff_bothVersionsFromStdin_isBadInput() throws Exception {
    Path profiles = write("profiles.jsonl", PROFILES);
    ScrmProcess.Result r = ScrmProcess.run(RULES, "rules", "diff", "-", "-", "--profiles", profiles.toString(),
        "--as-of", AS_OF);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("error: OLD and NEW both read stdin (-)");
  }

  @Test
  void help_listsTheNewCommands() throws Exception {
    ScrmProcess.Result r = ScrmProcess.run("", "--help");
    assertThat(r.out()).contains("ingest", "rules", "tag", "explain", "coupons", "report", "demo");
    ScrmProcess.Result rules = ScrmProcess.run("", "rules", "--help");
    assertThat(rules.exitCode()).isZero();
    assertThat(rules.out()).contains("validate", "test", "diff");
    assertThat(ScrmProcess.run("", "tag", "--help").out()).contains("customer_id", "attributes", "--as-of");
    assertThat(ScrmProcess.run("", "rules", "test", "--help").out()).contains("expectations", "has", "lacks");
  }

  @Test
  void validate_validRuleSet_isOk() throws Exception {
    Path rules = write("rules.json", RULES);
    ScrmProcess.Result r = ScrmProcess.run("", "rules", "validate", rules.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("valid: rule set shop v1, 3 rules (2 tags, 1 segments)");
  }

  @Test
  void validate_problems_nameFileLineAndField() throws Exception {
    Path rules = write("bad.json", RULES.replace("orders.count >= 1", "orders.cnt >= 1")
        .replace("\"priority\": 10", "\"priority\": \"high\""));
    ScrmProcess.Result r = ScrmProcess.run("", "rules", "validate", rules.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains(rules + ":6: field '/rules/2/when' (expression 1:1): unknown attribute 'orders.cnt' "
            + "(did you mean 'orders.count'?)")
        .contains(rules + ":4: field '/rules/0/priority': priority must be an integer")
        .contains("2 problem(s)");
    Path broken = write("broken.json", "{\n  \"schemaVersion\": 1,\n  \"rules\": [\n}\n");
    ScrmProcess.Result malformed = ScrmProcess.run("", "rules", "validate", broken.toString());
    assertThat(malformed.exitCode()).isEqualTo(1);
    assertThat(malformed.err()).contains(broken + ":4: ").contains("[malformed-json]");
    ScrmProcess.Result missing = ScrmProcess.run("", "rules", "validate", dir.resolve("nope.json").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.json: no such file");
  }

  @Test
  void test_failingExpectation_printsTheExplainTreeAndExitsOne() throws Exception {
    Path rules = write("rules.json", RULES);
    Path fixtures = write("fixtures.json", String.join("\n",
        "{",
        "  \"profiles\": {",
        "    \"alice\": {\"spend.total.365d\": \"6000.00 CNY\", \"orders.count\": 3},",
        "    \"bob\": {\"spend.total.365d\": \"100.00 CNY\"}",
        "  },",
        "  \"expectations\": [",
        "    \"as of " + AS_OF + "\",",
        "    \"alice has big_spender\",",
        "    \"bob has big_spender\",",
        "    \"bob lacks buyer\"",
        "  ]",
        "}", ""));
    ScrmProcess.Result r = ScrmProcess.run("", "rules", "test", rules.toString(), fixtures.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("FAIL " + fixtures + ":9: bob has big_spender")
        .contains("spend.total.365d >= 5000.00 CNY  → FALSE").contains("100.00 CNY")
        .contains("2 of 3 expectations hold");
    Path expectations = write("shop.expect", "as of " + AS_OF + "\nalice has big_spender\nbob lacks big_spender\n");
    ScrmProcess.Result passing = ScrmProcess.run("", "rules", "test", rules.toString(), fixtures.toString(),
        "--expectations", expectations.toString());
    assertThat(passing.exitCode()).as(passing.err()).isZero();
    assertThat(passing.out()).contains("2 of 2 expectations hold");
  }

  @Test
  void test_shippedSeedRuleSet_meetsTheSegmentationModulesOwnExpectations() throws Exception {
    Path kit = Path.of("../../scrm-segmentation/src/test/resources/io/github/scrm/segmentation/testkit");
    assertThat(kit).as("the test kit example of scrm-segmentation (docs/segmentation.md)").isDirectory();
    Files.copy(kit.resolve("retail-seed-fixtures.json"), dir.resolve("retail-seed-fixtures.json"));
    Files.copy(kit.resolve("retail-seed.expectations"), dir.resolve("retail-seed.expectations"));
    ScrmProcess.Result seed = ScrmProcess.run("", "rules", "seed");
    assertThat(seed.exitCode()).isZero();
    Path rules = write("retail-seed.json", seed.out());
    ScrmProcess.Result r = ScrmProcess.run("", "rules", "test", rules.toString(),
        dir.resolve("retail-seed-fixtures.json").toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).containsPattern("(\\d+) of \\1 expectations hold \\(rule set retail-seed v");
    Path noExpectations = write("other.json", "{\"profiles\": {}}");
    ScrmProcess.Result missing = ScrmProcess.run("", "rules", "test", write("shop.json", RULES).toString(),
        noExpectations.toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains(noExpectations + ":1: field 'expectations': is missing");
  }

  @Test
  void test_badFixtureAndExpectation_areBadInputWithLines() throws Exception {
    Path rules = write("rules.json", RULES);
    Path fixtures = write("fixtures.json", String.join("\n",
        "{",
        "  \"profiles\": {",
        "    \"alice\": {\"spend.total.365d\": \"6000.00 CNY\",",
        "              \"orders.count\": \"three\"}",
        "  },",
        "  \"expectations\": [\"as of " + AS_OF + "\", \"alice has big_spender\"]",
        "}", ""));
    ScrmProcess.Result r = ScrmProcess.run("", "rules", "test", rules.toString(), fixtures.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(fixtures + ":4: field '/profiles/alice/orders.count': attribute 'orders.count' "
        + "holds LONG");
    Path expectations = write("shop.expect", "as of " + AS_OF + "\nalice maybe big_spender\n");
    Path good = write("good.json", "{\"profiles\": {\"alice\": {\"orders.count\": 3}}}");
    ScrmProcess.Result bad = ScrmProcess.run("", "rules", "test", rules.toString(), good.toString(),
        "--expectations", expectations.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains(expectations + ":2: an expectation reads '<profile> has|lacks <tag>");
  }

  @Test
  void tag_writesTagsAndSegmentsAndReportsBadProfileLines() throws Exception {
    Path rules = write("rules.json", RULES);
    Path profiles = write("profiles.jsonl", PROFILES);
    Path out = dir.resolve("tags.jsonl");
    ScrmProcess.Result r = ScrmProcess.run("", "tag", "--rules", rules.toString(), "--profiles",
        profiles.toString(), "--out", out.toString(), "--as-of", AS_OF);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(profiles + ":3: field 'attributes.orders.count': must be a LONG");
    List<JsonNode> rows = jsonLines(Files.readString(out, StandardCharsets.UTF_8));
    assertThat(rows).extracting(n -> n.get("customer_id").asText()).containsExactly("c-1", "c-2", "c-4");
    assertThat(rows.get(0).get("tags").toString()).isEqualTo("[\"big_spender\"]");
    assertThat(rows.get(0).get("segments").toString()).isEqualTo("[\"buyer\"]");
    assertThat(rows.get(1).get("tags").toString()).isEqualTo("[\"lapsed\"]");
    assertThat(rows.get(2).get("tags").size()).isZero();
    assertThat(rows.get(0).get("rule_set").asText()).isEqualTo("shop v1");
  }

  @Test
  void tag_csvOutputAndStdinProfiles() throws Exception {
    Path rules = write("rules.json", RULES);
    Path out = dir.resolve("tags.csv");
    String twoGood = PROFILES.lines().limit(2).reduce("", (a, b) -> a + b + "\n");
    ScrmProcess.Result r = ScrmProcess.run(twoGood, "tag", "--rules", rules.toString(), "--profiles", "-", "--out",
        out.toString(), "--as-of", AS_OF);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).containsExactly(
        "customer_id,tags,segments,rule_set", "c-1,big_spender,buyer,\"shop v1\"", "c-2,lapsed,buyer,\"shop v1\"");
    ScrmProcess.Result badAsOf = ScrmProcess.run(twoGood, "tag", "--rules", rules.toString(), "--profiles", "-",
        "--out", "-", "--as-of", "tomorrow");
    assertThat(badAsOf.exitCode()).isEqualTo(2);
    assertThat(badAsOf.err()).contains("--as-of must be an ISO-8601 instant");
  }

  @Test
  void explain_printsTheTreeWithValues() throws Exception {
    Path rules = write("rules.json", RULES);
    Path profile = write("alice.json", "{\n  \"customerId\": \"c-2\",\n  \"attributes\": {\n"
        + "    \"spend.total.365d\": \"300.00 CNY\"\n  }\n}\n");
    ScrmProcess.Result r = ScrmProcess.run("", "explain", "--rules", rules.toString(), "--profile",
        profile.toString(), "--tag", "big_spender", "--as-of", AS_OF);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("customer c-2: big_spender: not matched (rule set shop v1, as of " + AS_OF)
        .contains("spend.total.365d >= 5000.00 CNY  → FALSE").contains("└─ spend.total.365d  → 300.00 CNY");
    ScrmProcess.Result unknown = ScrmProcess.run("", "explain", "--rules", rules.toString(), "--profile",
        profile.toString(), "--tag", "vip");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("has no tag or segment 'vip'; rules are big_spender, lapsed, buyer");
    Path broken = write("broken.json", "{\n  \"customerId\": \"c-2\",\n  \"attributes\": {\n    \"spend\": 1,\n");
    ScrmProcess.Result malformed = ScrmProcess.run("", "explain", "--rules", rules.toString(), "--profile",
        broken.toString(), "--tag", "big_spender");
    assertThat(malformed.exitCode()).isEqualTo(2);
    assertThat(malformed.err()).contains(broken + ":").contains(": not valid JSON");
  }

  @Test
  void diff_countsGainedAndLostPerTag() throws Exception {
    Path v1 = write("v1.json", RULES);
    Path v2 = write("v2.json", RULES.replace("\"version\": 1", "\"version\": 2").replace("¥5000", "¥200"));
    Path profiles = write("profiles.jsonl", PROFILES.lines().limit(2).reduce("", (a, b) -> a + b + "\n"));
    Path out = dir.resolve("diff.csv");
    ScrmProcess.Result r = ScrmProcess.run("", "rules", "diff", v1.toString(), v2.toString(), "--profiles",
        profiles.toString(), "--as-of", AS_OF, "--out", out.toString(), "--exit-code");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("shop v1 -> shop v2 over 2 profiles").contains("big_spender: 1 -> 2 (+1 / -0)")
        .doesNotContain("lapsed:");
    assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).contains("tag,before,after,gained,lost",
        "big_spender,1,2,1,0", "lapsed,1,1,0,0");
    Path invalid = write("v3.json", RULES.replace("\"version\": 1", "\"version\": 0"));
    ScrmProcess.Result bad = ScrmProcess.run("", "rules", "diff", v1.toString(), invalid.toString(), "--profiles",
        profiles.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains(invalid + ":2: field '/version': version must be a positive integer, but was 0");
  }
}
