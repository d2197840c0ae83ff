package io.github.scrm.cli.rules;

import io.github.scrm.cli.ExitCode;
import io.github.scrm.cli.io.Problems;
import io.github.scrm.cli.io.Stdin;
import io.github.scrm.cli.profile.ProfileFiles;
import io.github.scrm.cli.profile.ProfileFormat;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.segmentation.CompiledRuleSet;
import io.github.scrm.segmentation.Explanation;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scrm explain}: why a tag matched one profile or not. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = {"Explains why a tag or segment matched one profile or not: the rule's condition as a tree, "
        + "each sub-condition with its value (TRUE, FALSE, UNKNOWN when an attribute is absent, numbers, amounts).",
        "The profile file holds one profile (a JSON object, which may span lines; for .jsonl the first line). "
            + ProfileFormat.HELP,
        "Exit 0 whether or not the tag matched (the first line says which), 2 for bad input or an unknown tag."})
public final class ExplainCommand implements Callable<Integer> {

  @Option(names = "--rules", required = true, paramLabel = "FILE", description = "the rule set (.json)")
  String rules;

  @Option(names = "--profile", required = true, paramLabel = "FILE",
      description = "one profile (.json); - for stdin")
  String profile;

  @Option(names = "--tag", required = true, paramLabel = "NAME", description = "the tag or segment (rule id)")
  String tag;

  @Mixin
  EvaluationTime time;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Problems problems = new Problems(spec.commandLine().getErr());
    Instant at = time.instant(problems);
    if (at == null) {
      return ExitCode.BAD_INPUT;
    }
    try {
      Stdin.readByOneInputAtMost("--rules", rules, "--profile", profile);
      CompiledRuleSet rs = RuleFiles.compile(time.segmentation(), rules, problems);
      if (rs == null) {
        return ExitCode.BAD_INPUT;
      }
      if (rs.indexOf(tag) < 0) {
        problems.fatal("--tag: rule set '" + rs.name() + "' has no tag or segment '" + tag + "'; rules are "
            + String.join(", ", rs.ruleIds()));
        return ExitCode.BAD_INPUT;
      }
      ProfileFormat.Profile p = ProfileFiles.readOne(profile, rs.catalogue(), problems);
      if (p == null) {
        return ExitCode.BAD_INPUT;
      }
      Set<String> manual = p.values().get(StandardAttributes.TAGS);
      Explanation why = rs.explain(p.values(), manual == null ? Set.of() : manual, at, tag);
      PrintWriter out = spec.commandLine().getOut();
      out.print("customer " + p.id().value() + ": " + why);
      out.flush();
      return ExitCode.OK;
    } catch (IOException e) {
      problems.fatal(e.getMessage());
      return ExitCode.BAD_INPUT;
    }
  }
}
