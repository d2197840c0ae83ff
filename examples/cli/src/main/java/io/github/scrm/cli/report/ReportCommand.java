package io.github.scrm.cli.report;

import io.github.scrm.cli.ExitCode;
import io.github.scrm.cli.io.AsOf;
import io.github.scrm.cli.io.OutputFile;
import io.github.scrm.cli.io.Problems;
import io.github.scrm.cli.io.RecordReader;
import io.github.scrm.cli.io.Row;
import io.github.scrm.cli.io.Stdin;
import io.github.scrm.cli.profile.ProfileFiles;
import io.github.scrm.cli.profile.ProfileFormat;
import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.segmentation.CompiledRuleSet;
import io.github.scrm.segmentation.Segmentation;
import io.github.scrm.segmentation.ShippedRuleSets;
import io.github.scrm.sentiment.CategoryMatch;
import io.github.scrm.sentiment.CommentAnalyzer;
import io.github.scrm.sentiment.Sentiment;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scrm report}: one self-contained HTML page of charts over profiles and comments. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Writes one self-contained HTML page (no scripts, fonts or images from elsewhere; charts are "
        + "inline SVG) with:",
        "  segment sizes: the profiles tagged with the retail seed rule set shipped with scrm-segmentation;",
        "  RFM grid: the eight RFM classes of that rule set (recent: bought within 90 days; frequent: 3+ orders "
            + "in 365 days; valuable: 2000 CNY+ in 365 days);",
        "  top complaint categories over time: the issue categories scrm-sentiment finds in the comments, per "
            + "week (per day when the comments span two weeks or less), the five most frequent;",
        "  campaign funnel: from the profiles' counts: members, engaged on social in 30 days (comments, likes or "
            + "shares), bought, bought again, redeemed a coupon (coupons.redeemed), invited a friend "
            + "(referrals.invited), brought a qualified friend (referrals.qualified).",
        ProfileFormat.HELP,
        "Comments: .jsonl or .csv rows with text and created_at (ISO-8601 instant), the columns of 'scrm triage'.",
        "Bad rows are reported as file:line: field 'name': message and left out of the charts.",
        "Exit 0 when the report was written from every row, 2 when a row or file was bad (the report is still "
            + "written when the files could be read)."})
public final class ReportCommand implements Callable<Integer> {

  @Option(names = "--profiles", required = true, paramLabel = "FILE", description = "profiles (.jsonl or .csv)")
  String profiles;

  @Option(names = "--comments", required = true, paramLabel = "FILE", description = "comments (.jsonl or .csv)")
  String comments;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "the HTML page; - for stdout")
  String out;

  @Option(names = "--as-of", paramLabel = "INSTANT",
      description = "instant the profiles are tagged at, ISO-8601 (default: now)")
  @Nullable String asOf;

  @Option(names = "--zone", defaultValue = "Asia/Shanghai", paramLabel = "ZONE",
      description = "business time zone for days and weeks (default: ${DEFAULT-VALUE})")
  ZoneId zone;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Problems problems = new Problems(err);
    Instant at = AsOf.parse(asOf, Clock.systemUTC(), problems);
    if (at == null) {
      return ExitCode.BAD_INPUT;
    }
    try {
      Stdin.readByOneInputAtMost("--profiles", profiles, "--comments", comments);
      OutputFile.refuseInput(out, profiles, comments);
      Segmentation seg = Segmentation.builder().businessTime(new BusinessTime(Clock.systemUTC(), zone)).build();
      CompiledRuleSet seed = seg.compile(ShippedRuleSets.retailSeed()).orThrow();
      ReportFigures figures = new ReportFigures(seed, at, zone);
      ProfileFiles.forEach(profiles, seg.catalogue(), problems, err, figures::addProfile);
      CommentAnalyzer analyzer = Sentiment.analyzer().build();
      try (RecordReader reader = RecordReader.openWithProgress(comments, System.in, problems, err, "comments")) {
        for (Row row = reader.next(); row != null; row = reader.next()) {
          if (!row.fields().has("text")) {
            problems.field(row, "text", "is missing");
            continue;
          }
          String created = row.text("created_at");
          if (created == null) {
            problems.field(row, "created_at", "is missing");
            continue;
          }
          Instant when;
          try {
            when = Instant.parse(created);
          } catch (DateTimeParseException e) {
            problems.field(row, "created_at", "must be an ISO-8601 instant such as 2026-03-01T12:00:00Z, but was '"
                + created + "'");
            continue;
          }
          String text = row.text("text");
          for (CategoryMatch m : analyzer.analyze(text == null ? "" : text).categories()) {
            figures.addComplaint(when, m.category().label());
          }
          figures.addComment();
        }
      }
      String html = ReportPage.render(figures, profiles, comments);
      if (out.equals("-")) {
        System.out.write(html.getBytes(StandardCharsets.UTF_8));
        System.out.flush();
      } else {
        try (OutputFile file = OutputFile.create(out)) {
          file.stream().write(html.getBytes(StandardCharsets.UTF_8));
          file.commit();
        }
        problems.info(out + ": report of " + figures.profiles() + " profiles and " + figures.comments()
            + " comments written");
      }
    } catch (IOException e) {
      problems.fatal(e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    return problems.count() > 0 ? ExitCode.BAD_INPUT : ExitCode.OK;
  }
}
