package io.github.scrm.cli.rules;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.segmentation.CompiledRuleSet;
import io.github.scrm.segmentation.Evaluator;
import io.github.scrm.segmentation.TagMatch;
import io.github.scrm.segmentation.TagResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scrm tag}: tags every profile of a file with a rule set. */
@Command(name = "tag", mixinStandardHelpOptions = true,
    description = {"Tags every profile with a rule set, as of one instant.",
        "Output columns: customer_id, tags, segments (matched rule ids, highest priority first; '; '-separated "
            + "in CSV, arrays in JSON Lines), rule_set (name and version).",
        ProfileFormat.HELP,
        "Bad profile lines are reported as file:line: field 'name': message and skipped; the rest are tagged.",
        "Exit 0 when every profile was tagged, 2 when the rule set is invalid or a profile line was bad."})
public final class TagCommand implements Callable<Integer> {

  static final List<String> COLUMNS = List.of("customer_id", "tags", "segments", "rule_set");

  @Option(names = "--rules", required = true, paramLabel = "FILE", description = "the rule set (.json)")
  String rules;

  @Option(names = "--profiles", required = true, paramLabel = "FILE",
      description = "profiles (.jsonl or .csv); - for stdin")
  String profiles;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "output .jsonl or .csv; - for stdout (JSON Lines)")
  String out;

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
      Stdin.readByOneInputAtMost("--rules", rules, "--profiles", profiles);
      OutputFile.refuseInput(out, rules, profiles);
      CompiledRuleSet rs = RuleFiles.compile(time.segmentation(), rules, problems);
      if (rs == null) {
        return ExitCode.BAD_INPUT;
      }
      Evaluator evaluator = rs.evaluator(at);
      String ruleSet = rs.name() + " v" + rs.version();
      try (RecordWriter writer = RecordWriter.open(out, Format.JSONL, COLUMNS, System.out)) {
        ProfileFiles.forEach(profiles, rs.catalogue(), problems, spec.commandLine().getErr(), p -> {
          Set<String> manual = p.values().get(StandardAttributes.TAGS);
          long[] bits = evaluator.evaluate(rs.snapshot(p.values(), manual == null ? Set.of() : manual));
          TagResult result = rs.result(bits, at, Optional.empty());
          ObjectNode row = JsonNodeFactory.instance.objectNode();
          row.put("customer_id", p.id().value());
          ArrayNode tags = row.putArray("tags");
          result.tags().stream().map(TagMatch::tag).forEach(tags::add);
          ArrayNode segments = row.putArray("segments");
          result.segments().stream().map(TagMatch::tag).forEach(segments::add);
          row.put("rule_set", ruleSet);
          try {
            writer.write(row);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
        writer.commit();
      }
    } catch (IOException | UncheckedIOException e) {
      problems.fatal(e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    return problems.count() > 0 ? ExitCode.BAD_INPUT : ExitCode.OK;
  }
}
