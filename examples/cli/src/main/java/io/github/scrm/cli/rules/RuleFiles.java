package io.github.scrm.cli.rules;

import io.github.scrm.cli.io.JsonLocations;
import io.github.scrm.cli.io.Problems;
import io.github.scrm.cli.io.Utf8;
import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.segmentation.Compilation;
import io.github.scrm.segmentation.CompiledRuleSet;
import io.github.scrm.segmentation.Segmentation;
import io.github.scrm.segmentation.rule.Problem;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reading, compiling and reporting rule-set files. */
final class RuleFiles {

  static final String AS_OF_HELP = "evaluation instant, ISO-8601 such as 2026-06-15T04:00:00Z (default: now)";

  private RuleFiles() {}

  /** The engine for the CLI: the standard catalogue, the system clock, the business zone. */
  static Segmentation segmentation(ZoneId zone) {
    return Segmentation.builder().businessTime(new BusinessTime(Clock.systemUTC(), zone)).build();
  }

  /** The text of {@code path}, or stdin for {@code -}. */
  static String read(String path) throws IOException {
    return Utf8.text(path, System.in);
  }

  /** The compiled rule set of {@code path}, or null after reporting every problem with its line. */
  static @Nullable CompiledRuleSet compile(Segmentation seg, String path, Problems problems) throws IOException {
    String json = read(path);
    Compilation c = seg.compile(json);
    if (c instanceof Compilation.Compiled compiled) {
      return compiled.ruleSet();
    }
    report(path, json, ((Compilation.Rejected) c).problems(), problems);
    return null;
  }

  /** Prints each problem as {@code file:line: field '/rules/3/when': message [code]}. */
  static void report(String path, String json, List<Problem> list, Problems problems) {
    JsonLocations where = JsonLocations.of(json);
    String source = path.equals("-") ? "stdin" : path;
    for (Problem p : list) {
      problems.at(source, lineOf(p, where), describe(p));
    }
  }

  static long lineOf(Problem p, JsonLocations where) {
    if (p.pointer().isEmpty()) {
      return p.line() > 0 ? p.line() : 1;
    }
    return where.line(p.pointer());
  }

  static String describe(Problem p) {
    if (p.pointer().isEmpty()) {
      return (p.line() > 0 ? "column " + p.column() + ": " : "") + p.message() + " [" + p.code() + "]";
    }
    String inExpression = p.line() > 0 ? " (expression " + p.line() + ":" + p.column() + ")" : "";
    return "field '" + p.pointer() + "'" + inExpression + ": " + p.message() + " [" + p.code() + "]";
  }
}
