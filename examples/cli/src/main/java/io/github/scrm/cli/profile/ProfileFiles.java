package io.github.scrm.cli.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.scrm.cli.io.Problems;
import io.github.scrm.cli.io.RecordReader;
import io.github.scrm.cli.io.Row;
import io.github.scrm.cli.io.Utf8;
import io.github.scrm.core.attribute.AttributeCatalogue;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Reads profile files in the {@link ProfileFormat}: many per line, or one per file. */
public final class ProfileFiles {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProfileFiles() {}

  /** Passes every good profile of {@code path} ({@code -} for stdin) to {@code each}; bad lines are reported. */
  public static void forEach(String path, AttributeCatalogue catalogue, Problems problems, PrintWriter err,
      Consumer<ProfileFormat.Profile> each) throws IOException {
    try (RecordReader reader = RecordReader.openWithProgress(path, System.in, problems, err, "profiles")) {
      for (Row row = reader.next(); row != null; row = reader.next()) {
        ProfileFormat.Profile p = ProfileFormat.read(row, catalogue, problems);
        if (p != null) {
          each.accept(p);
        }
      }
    }
  }

  /** Every good profile of {@code path}. */
  public static List<ProfileFormat.Profile> readAll(String path, AttributeCatalogue catalogue, Problems problems,
      PrintWriter err) throws IOException {
    List<ProfileFormat.Profile> out = new ArrayList<>();
    forEach(path, catalogue, problems, err, out::add);
    return out;
  }

  /**
   * The one profile of a .json file (the object may span lines) or the first line of a .jsonl file; null when it
   * is unusable (reported).
   */
  public static ProfileFormat.@Nullable Profile readOne(String path, AttributeCatalogue catalogue, Problems problems)
      throws IOException {
    String text;
    text = Utf8.text(path, System.in);
    String source = path.equals("-") ? "stdin" : path;
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      problems.at(source, line, "not valid JSON: " + e.getOriginalMessage());
      return null;
    }
    if (!(node instanceof ObjectNode obj)) {
      problems.at(source, 1, "expected one profile as a JSON object");
      return null;
    }
    return ProfileFormat.read(new Row(source, 1, obj), catalogue, problems);
  }
}
