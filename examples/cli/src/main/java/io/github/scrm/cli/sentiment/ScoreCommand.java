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
import io.github.scrm.sentiment.CategoryMatch;
import io.github.scrm.sentiment.CommentAnalysis;
import io.github.scrm.sentiment.CommentAnalyzer;
import io.github.scrm.sentiment.Sentiment;
import io.github.scrm.sentiment.StarRating;
import io.github.scrm.sentiment.spi.SentimentScorer;
import io.github.scrm.sentiment.training.SentimentModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scrm score}: adds negative_score, polarity, categories and severity to every row. */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = {"Scores comments: keeps every input column and adds negative_score (0..1), polarity "
        + "(negative|neutral|positive), categories (issue category ids; '; '-separated in CSV, an array in JSON Lines) "
        + "and severity (none|low|medium|high|critical).",
        "Rows without the text column are reported as file:line errors and skipped; the rest continue."})
public final class ScoreCommand implements Callable<Integer> {

  static final List<String> ADDED = List.of("negative_score", "polarity", "categories", "severity");

  @Option(names = "--in", required = true, paramLabel = "FILE",
      description = "CSV with a header (.csv) or JSON Lines (.jsonl); - for stdin")
  String in;

  @Option(names = "--text-column", defaultValue = "text", paramLabel = "NAME",
      description = "the column holding the comment (default: ${DEFAULT-VALUE})")
  String textColumn;

  @Option(names = "--rating-column", paramLabel = "NAME",
      description = "an optional column with a 1-5 star rating that counts towards the score; a CSV file "
          + "without this column is refused")
  @Nullable String ratingColumn;

  @Option(names = "--model", paramLabel = "FILE",
      description = "a model written by 'scrm train'; the lexicon scorer when absent")
  @Nullable Path model;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "output .csv or .jsonl; - for stdout (in the input's format)")
  String out;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Problems problems = new Problems(err);
    SentimentScorer scorer = Sentiment.defaultScorer();
    if (model != null) {
      try (InputStream m = Files.newInputStream(model)) {
        SentimentModel loaded = SentimentModel.load(m);
        if (!loaded.trainedLexiconVersion().equals(loaded.lexicon().version())) {
          problems.info(model + ": trained with lexicon " + loaded.trainedLexiconVersion() + ", scoring with "
              + loaded.lexicon().version() + " (the same sources; retrain to fit the weights to the newer terms)");
        }
        scorer = loaded;
      } catch (IOException e) {
        problems.fatal(model + ": cannot load model: " + e.getMessage());
        return ExitCode.BAD_INPUT;
      }
    }
    CommentAnalyzer analyzer = Sentiment.analyzer().scorer(scorer).build();
    try {
      OutputFile.refuseInput(out, in);
    } catch (IOException e) {
      problems.fatal(e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    try (RecordReader reader = RecordReader.open(in, System.in, problems)) {
      if (reader.format() == Format.CSV && !reader.columns().contains(textColumn)) {
        problems.fatal(reader.source() + ": no column '" + textColumn + "'; columns are: "
            + String.join(", ", reader.columns()) + " (choose one with --text-column)");
        return ExitCode.BAD_INPUT;
      }
      // a misspelt rating column would otherwise score every comment as if it had no rating
      if (reader.format() == Format.CSV && ratingColumn != null && !reader.columns().contains(ratingColumn)) {
        problems.fatal(reader.source() + ": no column '" + ratingColumn + "'; columns are: "
            + String.join(", ", reader.columns()) + " (choose one with --rating-column)");
        return ExitCode.BAD_INPUT;
      }
      Format outFormat = Format.ofPath(out) != null ? Format.ofPath(out) : reader.format();
      List<Row> buffered = new ArrayList<>();
      List<String> columns = new ArrayList<>(reader.columns());
      if (reader.format() == Format.JSONL && outFormat == Format.CSV) {
        // the CSV header needs every JSON field name first
        for (Row r = reader.next(); r != null; r = reader.next()) {
          buffered.add(r);
        }
        columns = new ArrayList<>(reader.columns());
      }
      for (String c : ADDED) {
        if (!columns.contains(c)) {
          columns.add(c);
        }
      }
      Progress progress = Progress.start(err, "score");
      try (RecordWriter writer = RecordWriter.open(out, outFormat, columns, System.out)) {
        for (Row row : buffered) {
          score(row, analyzer, writer, problems);
          progress.step();
        }
        if (buffered.isEmpty()) {
          for (Row row = reader.next(); row != null; row = reader.next()) {
            score(row, analyzer, writer, problems);
            progress.step();
          }
        }
        writer.commit();
      }
      progress.done();
    } catch (IOException e) {
      problems.fatal(e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    return problems.count() > 0 ? ExitCode.BAD_INPUT : ExitCode.OK;
  }

  private void score(Row row, CommentAnalyzer analyzer, RecordWriter writer, Problems problems) throws IOException {
    if (!row.fields().has(textColumn)) {
      problems.field(row, textColumn, "is missing");
      return;
    }
    String text = row.text(textColumn);
    StarRating rating = null;
    String stars = ratingColumn == null ? null : row.text(ratingColumn);
    if (stars != null) {
      if (!stars.trim().matches("[1-5]")) {
        problems.field(row, ratingColumn, "must be a whole number of stars from 1 to 5, but was '"
            + TrainCommand.abbreviate(stars) + "'");
        return;
      }
      rating = StarRating.of(Integer.parseInt(stars.trim()));
    }
    CommentAnalysis analysis = analyzer.analyze(text, rating);
    ObjectNode o = row.fields();
    o.put("negative_score", Math.round(analysis.score().negativeScore() * 10_000) / 10_000.0);
    o.put("polarity", analysis.score().polarity().name().toLowerCase(java.util.Locale.ROOT));
    ArrayNode categories = o.putArray("categories");
    for (CategoryMatch m : analysis.categories()) {
      categories.add(m.category().id());
    }
    o.put("severity", analysis.severity().label());
    writer.write(o);
  }
}
