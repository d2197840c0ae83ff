package io.github.scrm.cli.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scrm.cli.ExitCode;
import io.github.scrm.cli.io.JsonLocations;
import io.github.scrm.cli.io.Problems;
import io.github.scrm.cli.io.Stdin;
import io.github.scrm.segmentation.CompiledRuleSet;
import io.github.scrm.segmentation.rule.Problem;
import io.github.scrm.segmentation.testkit.RuleSetTestKit;
import io.github.scrm.segmentation.testkit.TestReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scrm rules test RULES FIXTURES}: the rule-set test kit of scrm-segmentation on files. */
@Command(name = "test", mixinStandardHelpOptions = true,
    description = {"Runs expectations for a rule set against fixture profiles (the test kit of scrm-segmentation).",
        "FIXTURES is a JSON document: {\"profiles\": {\"alice\": {\"orders.count\": 12, \"spend.total\": "
            + "\"5200.00 CNY\", \"purchase.last\": \"2024-05-20T10:00:00Z\", \"profile.birthday\": \"1990-06-20\", "
            + "\"profile.tags\": [\"vip\"]}}, \"expectations\": [\"as of 2024-06-15T04:00:00Z\", "
            + "\"alice has lapsed\", \"alice lacks vip_at_risk\", \"bob has grade_A as of 2024-09-01T00:00:00Z\"]}",
        "The expectations may instead be a plain text file, one per line (# starts a comment): --expectations FILE; "
            + "without it and without an \"expectations\" array, NAME.expectations next to the fixtures is used, "
            + "where NAME is the rule set's or the fixtures' file name without .json (docs/segmentation.md).",
        "A failed expectation prints the explain tree of its tag.",
        "Exit 0 when every expectation holds, 1 when one fails, 2 when the rule set, fixtures or expectations "
            + "have problems (printed as file:line: ...)."})
final class TestCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(index = "0", paramLabel = "RULES", description = "the rule set (.json)")
  String rules;

  @Parameters(index = "1", paramLabel = "FIXTURES", description = "fixture profiles and expectations (.json)")
  String fixtures;

  @Option(names = "--expectations", paramLabel = "FILE",
      description = "expectations as plain text, instead of the fixtures' \"expectations\" array")
  @Nullable String expectations;

  @Option(names = "--zone", defaultValue = "Asia/Shanghai", paramLabel = "ZONE",
      description = "business time zone for days, months and birthdays (default: ${DEFAULT-VALUE})")
  ZoneId zone;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Problems problems = new Problems(spec.commandLine().getErr());
    CompiledRuleSet rs;
    String fixturesJson;
    String expectationText;
    List<Integer> expectationLines = new ArrayList<>(); // expectation line -> file line, for embedded ones
    try {
      Stdin.readByOneInputAtMost("RULES", rules, "FIXTURES", fixtures, "--expectations", expectations);
      rs = RuleFiles.compile(RuleFiles.segmentation(zone), rules, problems);
      fixturesJson = RuleFiles.read(fixtures);
      if (expectations == null && !hasEmbedded(fixturesJson)) {
        expectations = sibling();
      }
      expectationText = expectations != null ? RuleFiles.read(expectations)
          : embedded(fixturesJson, expectationLines, problems);
    } catch (IOException e) {
      problems.fatal(e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    if (rs == null || expectationText == null) {
      return ExitCode.BAD_INPUT;
    }
    TestReport report = RuleSetTestKit.run(rs, fixturesJson, expectationText);
    if (!report.problems().isEmpty()) {
      JsonLocations where = JsonLocations.of(fixturesJson);
      for (Problem p : report.problems()) {
        if (p.code().equals("expectation")) {
          String source = expectations != null ? expectations : fixtures;
          long line = expectations != null ? p.line()
              : p.line() - 1 < expectationLines.size() ? expectationLines.get(p.line() - 1) : 1;
          problems.at(source, line, (expectations != null ? "" : "field '/expectations/" + (p.line() - 1) + "': ")
              + p.message());
        } else {
          problems.at(fixtures, RuleFiles.lineOf(p, where), RuleFiles.describe(p));
        }
      }
      problems.info(report.problems().size() + " problem(s), nothing was run");
      return ExitCode.BAD_INPUT;
    }
    String expectationSource = expectations != null ? expectations : fixtures;
    for (TestReport.Failure f : report.failures()) {
      long line = expectations != null ? f.line()
          : f.line() - 1 < expectationLines.size() ? expectationLines.get(f.line() - 1) : f.line();
      out.println("FAIL " + expectationSource + ":" + line + ": " + f.expectation());
      f.explanation().lines().forEach(l -> out.println("    " + l));
    }
    out.println((report.checked() - report.failures().size()) + " of " + report.checked()
        + " expectations hold (rule set " + rs.name() + " v" + rs.version() + ")");
    out.flush();
    return report.failures().isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
  }

  private static boolean hasEmbedded(String fixturesJson) {
    try {
      JsonNode root = JSON.readTree(fixturesJson);
      return root != null && root.has("expectations");
    } catch (JsonProcessingException e) {
      return true; // let the test kit report the malformed fixtures
    }
  }

  /** NAME.expectations beside the fixtures (NAME from the rule set, then the fixtures), or null. */
  private @Nullable String sibling() {
    if (fixtures.equals("-")) {
      return null;
    }
    Path dir = Path.of(fixtures).toAbsolutePath().getParent();
    for (String file : List.of(rules, fixtures)) {
      if (file.equals("-")) {
        continue;
      }
      String name = Path.of(file).getFileName().toString().replaceFirst("\\.json$", "") + ".expectations";
      for (Path candidate : List.of(dir.resolve(name), Path.of(file).toAbsolutePath().resolveSibling(name))) {
        if (Files.isRegularFile(candidate)) {
          return candidate.toString();
        }
      }
    }
    return null;
  }

  /** The "expectations" of the fixtures document as text, one per line; records each one's file line. */
  private @Nullable String embedded(String fixturesJson, List<Integer> lines, Problems problems) {
    JsonNode root;
    try {
      root = JSON.readTree(fixturesJson);
    } catch (JsonProcessingException e) {
      return ""; // the test kit reports malformed fixtures with their line
    }
    JsonNode list = root == null ? null : root.get("expectations");
    JsonLocations where = JsonLocations.of(fixturesJson);
    if (list == null) {
      problems.at(fixtures, 1, "field 'expectations': is missing; add an \"expectations\" array of lines such as "
          + "\"alice has lapsed as of 2024-06-15T04:00:00Z\", pass --expectations FILE or put NAME.expectations next "
          + "to the fixtures");
      return null;
    }
    if (list.isTextual()) {
      String text = list.textValue();
      int base = where.line("/expectations");
      text.lines().forEach(l -> lines.add(base));
      return text;
    }
    if (!list.isArray()) {
      problems.at(fixtures, where.line("/expectations"), "field 'expectations': must be an array of strings");
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode e = list.get(i);
      if (!e.isTextual()) {
        problems.at(fixtures, where.line("/expectations/" + i), "field '/expectations/" + i
            + "': must be a string such as \"alice has lapsed\", but was " + e);
        return null;
      }
      out.add(e.textValue().replace('\n', ' '));
      lines.add(where.line("/expectations/" + i));
    }
    return String.join("\n", out);
  }
}
