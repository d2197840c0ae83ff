package io.github.scrm.cli.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.scrm.cli.ExitCode;
import io.github.scrm.cli.io.Format;
import io.github.scrm.cli.io.OutputFile;
import io.github.scrm.cli.io.Problems;
import io.github.scrm.cli.io.Progress;
import io.github.scrm.cli.io.RecordReader;
import io.github.scrm.cli.io.Row;
import io.github.scrm.sentiment.training.LabelledComment;
import io.github.scrm.sentiment.training.ModelTrainer;
import io.github.scrm.sentiment.training.SentimentModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scrm train}: trains a model on labelled comments and writes it to a file. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Trains a sentiment model (logistic regression over character n-grams and lexicon features) on "
        + "labelled comments: label 0 = negative, 1 = positive. Writes the model file (format: docs/sentiment.md).",
        "Rows with a missing text or a missing or invalid label are reported as file:line errors and skipped; "
            + "the model is trained on the rest (exit code 2 tells that rows were skipped)."})
public final class TrainCommand implements Callable<Integer> {

  @Option(names = "--in", required = true, paramLabel = "FILE",
      description = "CSV with a header (.csv) or JSON Lines (.jsonl); - for stdin")
  String in;

  @Option(names = "--text-column", required = true, paramLabel = "NAME", description = "the column with the comment")
  String textColumn;

  @Option(names = "--label-column", required = true, paramLabel = "NAME",
      description = "the column with the label: 0 negative, 1 positive")
  String labelColumn;

  @Option(names = "--model", required = true, paramLabel = "OUT", description = "where to write the model")
  Path model;

  @Option(names = "--epochs", defaultValue = "6", paramLabel = "N", description = "passes over the data (default: 6)")
  int epochs;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "shuffle seed (default: 1)")
  long seed;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Problems problems = new Problems(err);
    List<LabelledComment> examples = new ArrayList<>();
    ModelTrainer trainer;
    try {
      trainer = SentimentModel.trainer().epochs(epochs).seed(seed);
    } catch (IllegalArgumentException e) {
      // before the input is read, and named as the option it is, not as a problem of the file
      problems.fatal("--epochs: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    try {
      OutputFile.refuseInput(model.toString(), in);
    } catch (IOException e) {
      problems.fatal(e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    try (RecordReader reader = RecordReader.open(in, System.in, problems)) {
      if (reader.format() == Format.CSV) {
        for (String column : List.of(textColumn, labelColumn)) {
          if (!reader.columns().contains(column)) {
            problems.fatal(reader.source() + ": no column '" + column + "'; columns are: "
                + String.join(", ", reader.columns()));
            return ExitCode.BAD_INPUT;
          }
        }
      }
      Progress progress = Progress.start(err, "read");
      for (Row row = reader.next(); row != null; row = reader.next()) {
        progress.step();
        LabelledComment example = example(row, problems);
        if (example != null) {
          examples.add(example);
        }
      }
      progress.done();
    } catch (IOException e) {
      problems.fatal(e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    long start = System.nanoTime();
    SentimentModel trained;
    try {
      trained = trainer.train(examples);
    } catch (IllegalArgumentException e) {
      problems.fatal(in + ": " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    try (OutputFile out = OutputFile.create(model.toString())) {
      trained.save(out.stream());
      out.commit();
    } catch (IOException e) {
      problems.fatal(e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    long negatives = examples.stream().filter(LabelledComment::negative).count();
    problems.info(String.format(Locale.ROOT, "trained on %,d comments (%,d negative, %,d positive) in %,d ms; "
        + "model written to %s", examples.size(), negatives, examples.size() - negatives, millis, model));
    return problems.count() > 0 ? ExitCode.BAD_INPUT : ExitCode.OK;
  }

  private LabelledComment example(Row row, Problems problems) {
    if (!row.fields().has(textColumn)) {
      problems.field(row, textColumn, "is missing");
      return null;
    }
    JsonNode label = row.get(labelColumn);
    String raw = label == null ? null : label.asText().trim();
    if (raw == null || raw.isEmpty()) {
      problems.field(row, labelColumn, "is missing; expected 0 (negative) or 1 (positive)");
      return null;
    }
    if (!raw.equals("0") && !raw.equals("1")) {
      problems.field(row, labelColumn, "must be 0 (negative) or 1 (positive), but was '" + abbreviate(raw) + "'");
      return null;
    }
    String text = row.text(textColumn);
    return LabelledComment.ofLabel(text == null ? "" : text, raw.equals("0") ? 0 : 1);
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
