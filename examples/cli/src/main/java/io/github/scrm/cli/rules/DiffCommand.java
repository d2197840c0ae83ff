package io.github.scrm.cli.rules;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.scrm.cli.ExitCode;
import io.github.scrm.cli.io.Format;
import io.github.scrm.cli.io.OutputFile;
import io.github.scrm.cli.io.Problems;
import io.github.scrm.cli.io.RecordWriter;
import io.github.scrm.cli.io.Stdin;
import io.github.scrm.cli.profile.ProfileFiles;
import io.github.scrm.cli.profile.ProfileFormat;
import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.segmentation.CompiledRuleSet;
import io.github.scrm.segmentation.Segmentation;
import io.github.scrm.segmentation.VersionDiff;
import io.github.scrm.segmentation.spi.ProfileLookup;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scrm rules diff OLD NEW}: how a new version of a rule set would change tags. */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = {"Evaluates two versions of a rule set over the same profiles and prints, per tag or segment "
        + "that changes, the count before and after and how many profiles gain and lose it "
        + "(lapsed: 1200 -> 1350 (+200 / -50)).",
        ProfileFormat.HELP,
        "--out writes every tag with columns tag, before, after, gained, lost.",
        "Exit 0 (with --exit-code: 1 when any tag changes), 2 for bad input."})
final class DiffCommand implements Callable<Integer> {

  static final List<String> COLUMNS = List.of("tag", "before", "after", "gained", "lost");

  @Parameters(index = "0", paramLabel = "OLD", description = "the current rule set (.json)")
  String oldRules;

  @Parameters(index = "1", paramLabel = "NEW", description = "the candidate rule set (.json)")
  String newRules;

  @Option(names = "--profiles", required = true, paramLabel = "FILE",
      description = "profiles (.jsonl or .csv); - for stdin")
  String profiles;

  @Option(names = "--out", paramLabel = "FILE", description = "per-tag counts as .csv or .jsonl; - for stdout")
  @Nullable String out;

  @Option(names = "--exit-code", description = "exit 1 when any tag would change")
  boolean exitCode;

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
      Stdin.readByOneInputAtMost("OLD", oldRules, "NEW", newRules, "--profiles", profiles);
      if (out != null) {
        OutputFile.refuseInput(out, oldRules, newRules, profiles);
      }
      Segmentation seg = time.segmentation();
      CompiledRuleSet before = RuleFiles.compile(seg, oldRules, problems);
      CompiledRuleSet after = RuleFiles.compile(seg, newRules, problems);
      if (before == null || after == null) {
        return ExitCode.BAD_INPUT;
      }
      Map<CustomerId, AttributeValues> population = new LinkedHashMap<>();
      ProfileFiles.forEach(profiles, seg.catalogue(), problems, spec.commandLine().getErr(), p -> {
        if (population.putIfAbsent(p.id(), p.values()) != null) {
          problems.field(p.row(), "customerId", "'" + p.id().value() + "' appears more than once; kept the first");
        }
      });
      VersionDiff diff = VersionDiff.between(before, after, ProfileLookup.of(population), at);
      PrintWriter stdout = spec.commandLine().getOut();
      if (out == null || !out.equals("-")) {
        stdout.print(diff.report());
        stdout.flush();
      }
      if (out != null) {
        try (RecordWriter w = RecordWriter.open(out, Format.JSONL, COLUMNS, System.out)) {
          for (Map.Entry<String, VersionDiff.TagDelta> e : diff.tags().entrySet()) {
            ObjectNode row = JsonNodeFactory.instance.objectNode();
            row.put("tag", e.getKey());
            row.put("before", e.getValue().before());
            row.put("after", e.getValue().after());
            row.put("gained", e.getValue().gained());
            row.put("lost", e.getValue().lost());
            w.write(row);
          }
          w.commit();
        }
      }
      if (problems.count() > 0) {
        return ExitCode.BAD_INPUT;
      }
      boolean changed = diff.tags().values().stream().anyMatch(d -> d.gained() > 0 || d.lost() > 0);
      return exitCode && changed ? ExitCode.FINDINGS : ExitCode.OK;
    } catch (IOException e) {
      problems.fatal(e.getMessage());
      return ExitCode.BAD_INPUT;
    }
  }
}
