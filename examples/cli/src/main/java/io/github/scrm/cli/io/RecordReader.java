package io.github.scrm.cli.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads CSV (with a header row) or JSON Lines row by row, with line numbers. A CSV row with the wrong number of fields
 * or a JSON line that is not one object (not JSON, an array, two objects run together) is reported to {@link Problems}
 * and skipped. Bytes that are not UTF-8 stop the reading with their file and line; one leading byte-order mark is
 * dropped ({@link Utf8}).
 */
public final class RecordReader implements Closeable {

  /** A field given twice in one line is an error: the row would silently keep only the last value. */
  static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final CsvMapper CSV = new CsvMapper();

  private final String source;
  private final Format format;
  private final Problems problems;
  private final BufferedReader reader;
  private final @Nullable JsonParser csv;
  private final List<String> header = new ArrayList<>();
  private final Set<String> jsonColumns = new LinkedHashSet<>();
  private long jsonLine;

  private RecordReader(String source, Format format, BufferedReader reader, Problems problems) throws IOException {
    this.source = source;
    this.format = format;
    this.reader = reader;
    this.problems = problems;
    if (format == Format.CSV) {
      csv = CSV.getFactory().createParser(reader);
      try {
        long line = csvLine();
        List<String> first = nextCsvRecord();
        if (first != null) {
          header.addAll(first);
        }
        for (String column : header) {
          // unnamed columns (the trailing commas spreadsheets leave) carry nothing anybody reads
          if (!column.isEmpty() && header.indexOf(column) != header.lastIndexOf(column)) {
            throw new IOException(source + ":" + line + ": column '" + column + "' appears more than once in the "
                + "header; every column needs a name of its own");
          }
        }
      } catch (Utf8.NotUtf8Exception e) {
        throw located(source, e);
      }
    } else {
      csv = null;
    }
  }

  /**
   * Opens a file, or stdin for {@code -} (whose format is sniffed: JSON Lines when it starts with '{').
   *
   * @throws IOException naming the file when it cannot be opened or its format is unknown
   */
  public static RecordReader open(String path, InputStream stdin, Problems problems) throws IOException {
    if (path.equals("-")) {
      PushbackReader pb;
      int c;
      try {
        pb = new PushbackReader(Utf8.reader(stdin), 1);
        c = pb.read();
        while (c >= 0 && Character.isWhitespace(c)) {
          c = pb.read();
        }
      } catch (Utf8.NotUtf8Exception e) {
        throw located("stdin", e);
      }
      if (c >= 0) {
        pb.unread(c);
      }
      Format f = c == '{' ? Format.JSONL : Format.CSV;
      return new RecordReader("stdin", f, new BufferedReader(pb, 1 << 16), problems);
    }
    Format format = Format.ofPath(path);
    if (format == null) {
      throw new IOException(path + ": unknown format; use a .csv or .jsonl file");
    }
    try {
      Reader r = Utf8.reader(Files.newInputStream(Path.of(path)));
      return new RecordReader(path, format, new BufferedReader(r, 1 << 16), problems);
    } catch (Utf8.NotUtf8Exception e) {
      throw located(path, e);
    } catch (NoSuchFileException e) {
      throw new IOException(path + ": no such file", e);
    }
  }

  /**
   * Like {@link #open}, with a {@link ProgressBar} labelled {@code label} on {@code err} while the input is read.
   *
   * @throws IOException naming the file when it cannot be opened or its format is unknown
   */
  public static RecordReader openWithProgress(String path, InputStream stdin, Problems problems, PrintWriter err,
      String label) throws IOException {
    if (path.equals("-")) {
      return open(path, ProgressBar.track(err, label, stdin, 0), problems);
    }
    Format format = Format.ofPath(path);
    if (format == null) {
      throw new IOException(path + ": unknown format; use a .csv or .jsonl file");
    }
    try {
      Path p = Path.of(path);
      InputStream in = ProgressBar.track(err, label, Files.newInputStream(p), Files.size(p));
      return new RecordReader(path, format, new BufferedReader(Utf8.reader(in), 1 << 16), problems);
    } catch (Utf8.NotUtf8Exception e) {
      throw located(path, e);
    } catch (NoSuchFileException e) {
      throw new IOException(path + ": no such file", e);
    }
  }

  /** The input format. */
  public Format format() {
    return format;
  }

  /** The file name used in messages. */
  public String source() {
    return source;
  }

  /** CSV: the header; JSON Lines: the field names seen so far, in first-seen order. */
  public List<String> columns() {
    return format == Format.CSV ? List.copyOf(header) : List.copyOf(jsonColumns);
  }

  /** The next good row, or null at the end. */
  public @Nullable Row next() throws IOException {
    try {
      return format == Format.CSV ? nextCsv() : nextJson();
    } catch (Utf8.NotUtf8Exception e) {
      throw located(source, e); // every row after it would be as wrong: stop here
    }
  }

  /** {@code file:line: not UTF-8 text ...}. */
  private static IOException located(String source, Utf8.NotUtf8Exception e) {
    return new IOException(source + ":" + e.line() + ": " + e.reason(), e);
  }

  private @Nullable Row nextCsv() throws IOException {
    while (true) {
      long line = csvLine();
      List<String> values = nextCsvRecord();
      if (values == null) {
        return null;
      }
      if (values.size() == 1 && values.get(0).isEmpty() && header.size() != 1) {
        continue; // blank line
      }
      if (values.size() != header.size()) {
        problems.at(source, line, "expected " + header.size() + " fields as in the header, but found " + values.size());
        continue;
      }
      ObjectNode fields = JsonNodeFactory.instance.objectNode();
      for (int i = 0; i < header.size(); i++) {
        fields.put(header.get(i), values.get(i));
      }
      return new Row(source, line, fields);
    }
  }

  private long csvLine() {
    return csv.currentLocation().getLineNr();
  }

  private @Nullable List<String> nextCsvRecord() throws IOException {
    long start = csvLine();
    try {
      return readCsvRecord();
    } catch (JsonProcessingException e) {
      throw malformedCsv(e, start);
    }
  }

  /**
   * {@code file:line: column N: malformed CSV: reason}, the line and column where the parser stopped; a quote never
   * closed stops it at the end of the file, so that one names the line of the row where the quote opened.
   */
  private IOException malformedCsv(JsonProcessingException e, long rowStart) {
    JsonLocation at = e.getLocation();
    long line = at == null ? rowStart : at.getLineNr();
    String reason = e.getOriginalMessage();
    if (line > rowStart && reason.startsWith("Missing closing quote")) {
      return new IOException(source + ":" + rowStart + ": malformed CSV: " + reason + " (the quoted value that "
          + "starts in this row runs to line " + line + ")", e);
    }
    String column = at == null || at.getColumnNr() < 1 ? "" : "column " + at.getColumnNr() + ": ";
    return new IOException(source + ":" + line + ": " + column + "malformed CSV: " + reason, e);
  }

  private @Nullable List<String> readCsvRecord() throws IOException {
    JsonToken t = csv.nextToken();
    if (t == null) {
      return null;
    }
    if (t != JsonToken.START_ARRAY) {
      throw new IOException(source + ":" + csv.currentLocation().getLineNr() + ": malformed CSV");
    }
    List<String> values = new ArrayList<>();
    while ((t = csv.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new IOException(source + ": unexpected end of CSV");
      }
      values.add(csv.getText());
    }
    return values;
  }

  private @Nullable Row nextJson() throws IOException {
    String line;
    while ((line = reader.readLine()) != null) {
      jsonLine++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try (JsonParser parser = JSON.createParser(line)) {
        node = JSON.readTree(parser);
        if (node == null) {
          continue;
        }
        // a second value on the line (two objects run together, text after one) would otherwise be dropped unseen
        String after = afterValue(parser, line);
        if (after != null) {
          problems.at(source, jsonLine, after);
          continue;
        }
      } catch (JsonProcessingException e) {
        problems.at(source, jsonLine, "not valid JSON: " + e.getOriginalMessage());
        continue;
      }
      if (!(node instanceof ObjectNode obj)) {
        problems.at(source, jsonLine, "expected a JSON object, but found " + node.getNodeType().name().toLowerCase());
        continue;
      }
      obj.fieldNames().forEachRemaining(jsonColumns::add);
      return new Row(source, jsonLine, obj);
    }
    return null;
  }

  /** Null when nothing but white space follows the value {@code parser} has just read from {@code line}. */
  private static @Nullable String afterValue(JsonParser parser, String line) {
    int from = (int) parser.currentLocation().getCharOffset();
    while (from < line.length() && Character.isWhitespace(line.charAt(from))) {
      from++;
    }
    if (from == line.length()) {
      return null;
    }
    String where = "column " + (from + 1) + ": ";
    try {
      parser.nextToken();
      return where + "more than one JSON value on the line; put each object on a line of its own";
    } catch (JsonProcessingException e) {
      return where + "text after the JSON object: " + e.getOriginalMessage();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String never fails to read
    }
  }

  @Override
  public void close() {
    try {
      if (csv != null) {
        csv.close();
      }
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
