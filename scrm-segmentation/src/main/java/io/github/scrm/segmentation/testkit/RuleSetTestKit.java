package io.github.scrm.segmentation.testkit;

import io.github.scrm.segmentation.AttributeMap;
import io.github.scrm.segmentation.Compilation;
import io.github.scrm.segmentation.CompiledRuleSet;
import io.github.scrm.segmentation.Explanation;
import io.github.scrm.segmentation.Segmentation;
import io.github.scrm.segmentation.rule.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs expectations for a rule set against fixture profiles. The expectation file is plain text, one expectation a
 * line. A word that starts with {@code #} starts a comment that runs to the end of the line, except in the tag's place
 * right after {@code has} or {@code lacks}, so a {@code #} inside a word ({@code vip#gold}) or in a tag is never one
 * and every rule id can be named:
 *
 * <pre>
 * as of 2024-06-15T04:00:00Z          # default instant for the lines below
 * alice has lapsed
 * alice lacks price_sensitive_social_user
 * bob has vip_at_risk as of 2024-09-01T00:00:00Z
 * </pre>
 *
 * From JUnit: {@code RuleSetTestKit.run(segmentation, ruleSetJson, fixturesJson, expectations).assertPassed();}
 */
public final class RuleSetTestKit {

  private RuleSetTestKit() {}

  /** Validates and compiles the rule set, then runs the expectations; invalid input gives problems, not a run. */
  public static TestReport run(Segmentation segmentation, String ruleSetJson, String fixturesJson,
      String expectations) {
    Compilation c = segmentation.compile(ruleSetJson);
    if (c instanceof Compilation.Rejected r) {
      return new TestReport(0, List.of(), r.problems());
    }
    return run(((Compilation.Compiled) c).ruleSet(), fixturesJson, expectations);
  }

  /**
   * Reads the three files (UTF-8) and runs them, for the CLI: {@code scrm rules test retail.json fixtures.json
   * retail.expectations}. An unreadable file is reported as a problem naming it.
   */
  public static TestReport runFiles(Segmentation segmentation, Path ruleSet, Path fixtures, Path expectations) {
    List<Problem> problems = new ArrayList<>();
    String r = read(ruleSet, problems);
    String f = read(fixtures, problems);
    String e = read(expectations, problems);
    if (!problems.isEmpty()) {
      return new TestReport(0, List.of(), problems);
    }
    return run(segmentation, r, f, e);
  }

  private static String read(Path file, List<Problem> problems) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      problems.add(new Problem("unreadable-file", "cannot read " + file + ": " + e.getMessage(), file.toString(), 0,
          0));
      return "";
    }
  }

  /** Runs the expectations against an already compiled rule set. */
  public static TestReport run(CompiledRuleSet rules, String fixturesJson, String expectations) {
    Fixtures.Read fixtures = Fixtures.read(fixturesJson, rules.catalogue());
    List<Problem> problems = new ArrayList<>(fixtures.problems());
    // fixtures that could not be read at all have no profiles to name: do not also report every name as unknown
    boolean profilesRead = fixtures.problems().stream().noneMatch(p -> p.code().equals("malformed-json"));
    List<Expectation> lines = parse(expectations, fixtures.profiles(), profilesRead, rules, problems);
    if (!problems.isEmpty()) {
      return new TestReport(0, List.of(), problems);
    }
    List<TestReport.Failure> failures = new ArrayList<>();
    for (Expectation e : lines) {
      AttributeMap profile = fixtures.profiles().get(e.profile());
      boolean has = rules.evaluate(profile, e.asOf()).has(e.tag());
      if (has != e.present()) {
        Explanation why = rules.explain(profile, e.asOf(), e.tag());
        failures.add(new TestReport.Failure(e.line(), e.text(), why.toString()));
      }
    }
    return new TestReport(lines.size(), failures, List.of());
  }

  private record Expectation(int line, String text, String profile, String tag, boolean present, Instant asOf) {}

  private static List<Expectation> parse(String text, Map<String, AttributeMap> profiles, boolean profilesRead,
      CompiledRuleSet rules, List<Problem> problems) {
    List<Expectation> out = new ArrayList<>();
    Instant defaultAsOf = null;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String[] words = withoutComment(lines[i]);
      if (words.length == 0) {
        continue;
      }
      String body = String.join(" ", words);
      try {
        if (words.length == 3 && words[0].equals("as") && words[1].equals("of")) {
          defaultAsOf = Instant.parse(words[2]);
          continue;
        }
        if ((words.length != 3 && words.length != 6) || !(words[1].equals("has") || words[1].equals("lacks"))
            || (words.length == 6 && !(words[3].equals("as") && words[4].equals("of")))) {
          problems.add(problem(lineNo, "an expectation reads '<profile> has|lacks <tag> [as of <instant>]', but was '"
              + body + "'"));
          continue;
        }
        Instant asOf = words.length == 6 ? Instant.parse(words[5]) : defaultAsOf;
        if (asOf == null) {
          problems.add(problem(lineNo, "no instant: add 'as of 2024-06-15T04:00:00Z' above or at the end of the line"));
          continue;
        }
        if (!profiles.containsKey(words[0]) && profilesRead) {
          problems.add(problem(lineNo, "no fixture profile '" + words[0] + "'; profiles are " + profiles.keySet()));
          continue;
        }
        if (rules.indexOf(words[2]) < 0) {
          problems.add(problem(lineNo, "rule set '" + rules.name() + "' has no tag or segment '" + words[2] + "'"));
          continue;
        }
        out.add(new Expectation(lineNo, body, words[0], words[2], words[1].equals("has"), asOf));
      } catch (DateTimeParseException e) {
        problems.add(problem(lineNo, "instants are ISO-8601 such as 2024-06-15T04:00:00Z: " + e.getParsedString()));
      }
    }
    return out;
  }

  /**
   * The words of a line before its comment. A word that starts with {@code #} starts a comment, except the tag of an
   * expectation (the word after {@code has} or {@code lacks}): rule ids may hold {@code #}, even first, and every id
   * must be nameable.
   */
  private static String[] withoutComment(String line) {
    String trimmed = line.trim();
    if (trimmed.isEmpty()) {
      return new String[0];
    }
    String[] words = trimmed.split("\\s+");
    int keep = 0;
    while (keep < words.length) {
      boolean tag = keep == 2 && (words[1].equals("has") || words[1].equals("lacks"));
      if (words[keep].startsWith("#") && !tag) {
        break;
      }
      keep++;
    }
    return Arrays.copyOf(words, keep);
  }

  private static Problem problem(int line, String message) {
    return new Problem("expectation", message, "expectations", line, 1);
  }
}
