package io.github.scrm.cli.rules;

import io.github.scrm.cli.ExitCode;
import io.github.scrm.cli.io.Problems;
import io.github.scrm.segmentation.Compilation;
import io.github.scrm.segmentation.CompiledRuleSet;
import io.github.scrm.segmentation.rule.RuleKind;
import java.io.IOException;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scrm rules validate FILE}. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Validates a rule set against the standard attribute catalogue: JSON shape, expression syntax, "
        + "attribute names and types, references between rules.",
        "Every problem is printed as file:line: field '/rules/N/when' (expression line:column): message [code].",
        "Exit 0 when valid, 1 when the rule set has problems, 2 when the file cannot be read."})
final class ValidateCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "the rule set (.json); - for stdin")
  String file;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Problems problems = new Problems(spec.commandLine().getErr());
    String json;
    try {
      json = RuleFiles.read(file);
    } catch (IOException e) {
      problems.fatal(e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    Compilation c = RuleFiles.segmentation(ZoneId.of("Asia/Shanghai")).compile(json);
    if (c instanceof Compilation.Rejected r) {
      RuleFiles.report(file, json, r.problems(), problems);
      problems.info(file + ": " + r.problems().size() + " problem(s)");
      return ExitCode.FINDINGS;
    }
    CompiledRuleSet rs = ((Compilation.Compiled) c).ruleSet();
    long segments = rs.document().rules().stream().filter(x -> x.kind() == RuleKind.SEGMENT).count();
    spec.commandLine().getOut().println(file + ": valid: rule set " + rs.name() + " v" + rs.version() + ", "
        + rs.ruleIds().size() + " rules (" + (rs.ruleIds().size() - segments) + " tags, " + segments + " segments)");
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
