package io.github.scrm.cli.sentiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.scrm.cli.ExitCode;
import io.github.scrm.cli.io.Format;
import io.github.scrm.cli.io.OutputFile;
import io.github.scrm.cli.io.Problems;
import io.github.scrm.cli.io.Progress;
import io.github.scrm.cli.io.RecordReader;
import io.github.scrm.cli.io.RecordWriter;
import io.github.scrm.cli.io.Row;
import io.github.scrm.sentiment.triage.CategorySummary;
import io.github.scrm.sentiment.triage.Comment;
import io.github.scrm.sentiment.triage.CommentStatus;
import io.github.scrm.sentiment.triage.Escalation;
import io.github.scrm.sentiment.triage.RankedComment;
import io.github.scrm.sentiment.triage.TriageQueue;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scrm triage}: ranks comments by priority with reasons. */
@Command(name = "triage", mixinStandardHelpOptions = true,
    description = {"Ranks comments by priority: which to answer next, and why.",
        "Input fields (JSON Lines, or CSV with these column names): " + CommentRows.FIELDS + ". A repeated id "
            + "updates the earlier row (counters, reply).",
        "Output: every input field plus rank, priority, severity, categories, cluster, reasons, negative_score and "
            + "status, open comments first in priority order, then replied or resolved ones (rank null).",
        "Escalations (SLA breaches, cluster alerts) and the top issue categories of the last 24 h go to stderr; "
            + "exit code 1 when there are escalations."})
public final class TriageCommand implements Callable<Integer> {

  @Option(names = "--in", required = true, paramLabel = "FILE.jsonl", description = "the comments; - for stdin")
  String in;

  @Option(names = "--out", required = true, paramLabel = "FILE.jsonl", description = "the ranking; - for stdout")
  String out;

  @Option(names = "--now", paramLabel = "ISO-8601-INSTANT",
      description = "the time to rank at, e.g. 2026-03-01T12:00:00Z (default: the current time)")
  @Nullable String now;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Problems problems = new Problems(err);
    Instant at;
    try {
      at = now == null ? Clock.systemUTC().instant() : Instant.parse(now);
    } catch (java.time.format.DateTimeParseException e) {
      problems.fatal("--now must be an ISO-8601 instant such as 2026-03-01T12:00:00Z, but was '" + now + "'");
      return ExitCode.BAD_INPUT;
    }
    try {
      OutputFile.refuseInput(out, in);
    } catch (IOException e) {
      problems.fatal(e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    TriageQueue queue = TriageQueue.builder().clock(Clock.fixed(at, ZoneOffset.UTC)).build();
    Map<String, Row> rows = new LinkedHashMap<>();
    List<String> columns;
    Format inFormat;
    try (RecordReader reader = RecordReader.open(in, System.in, problems)) {
      inFormat = reader.format();
      Progress progress = Progress.start(err, "triage");
      for (Row row = reader.next(); row != null; row = reader.next()) {
        progress.step();
        Comment comment = CommentRows.parse(row, problems);
        if (comment == null) {
          continue;
        }
        queue.submit(comment);
        if (CommentRows.resolved(row)) {
          queue.markResolved(comment.id());
        }
        rows.put(comment.id(), row);
      }
      progress.done();
      columns = new ArrayList<>(reader.columns());
    } catch (IOException e) {
      problems.fatal(e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    for (String c : List.of("rank", "priority", "severity", "categories", "cluster", "reasons", "negative_score",
        "status")) {
      if (!columns.contains(c)) {
        columns.add(c);
      }
    }
    List<RankedComment> ranked = queue.top(Integer.MAX_VALUE);
    try (RecordWriter writer = RecordWriter.open(out, inFormat, columns, System.out)) {
      for (RankedComment r : ranked) {
        ObjectNode o = rows.get(r.commentId()).fields();
        o.put("rank", r.rank());
        o.put("priority", Math.round(r.priority() * 10_000) / 10_000.0);
        o.put("severity", r.severity().label());
        ArrayNode cats = o.putArray("categories");
        r.categories().forEach(cats::add);
        o.put("cluster", r.clusterId());
        ArrayNode reasons = o.putArray("reasons");
        r.reasons().forEach(reasons::add);
        o.put("negative_score", Math.round(r.analysis().score().negativeScore() * 10_000) / 10_000.0);
        o.put("status", "open");
        writer.write(o);
        rows.remove(r.commentId());
      }
      for (Map.Entry<String, Row> closed : rows.entrySet()) {
        ObjectNode o = closed.getValue().fields();
        o.putNull("rank");
        o.putNull("priority");
        CommentStatus status = queue.statusOf(closed.getKey()).orElse(CommentStatus.REPLIED);
        o.put("status", status.name().toLowerCase(Locale.ROOT));
        writer.write(o);
      }
      writer.commit();
    }
    List<Escalation> escalations = queue.pollEscalations();
    for (Escalation e : escalations) {
      problems.info("escalation: " + e.describe());
    }
    List<CategorySummary> summary = queue.summary(at.minus(Duration.ofHours(24)), at);
    if (!summary.isEmpty()) {
      StringBuilder sb = new StringBuilder("top issues, last 24 h:");
      summary.stream().limit(5).forEach(s -> sb.append(String.format(Locale.ROOT, " %s %d (%s, was %d);",
          s.category().label(), s.count(), s.trend().name().toLowerCase(Locale.ROOT), s.previousCount())));
      problems.info(sb.toString());
    }
    long bad = problems.count();
    if (bad > 0) {
      return ExitCode.BAD_INPUT;
    }
    return escalations.isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
  }
}
