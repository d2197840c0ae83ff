package io.github.scrm.cli.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes rows as CSV (header from the given columns; arrays joined with {@code "; "}) or JSON Lines, to a file or to
 * stdout for {@code -}. A file is replaced only by {@link #commit()}: a run that stops before leaves the old file as it
 * was (see {@link OutputFile}).
 */
public final class RecordWriter implements Closeable {

  private static final CsvMapper CSV = new CsvMapper();

  private final Format format;
  private final Writer out;
  private final List<String> columns;
  private final @Nullable CsvGenerator csv;
  private final @Nullable OutputFile file;

  private RecordWriter(Format format, Writer out, List<String> columns, @Nullable OutputFile file)
      throws IOException {
    this.format = format;
    this.out = out;
    this.columns = List.copyOf(columns);
    this.file = file;
    if (format == Format.CSV) {
      CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
      columns.forEach(schema::addColumn);
      csv = CSV.getFactory().createGenerator(out);
      csv.setSchema(schema.build());
    } else {
      csv = null;
    }
  }

  /**
   * Opens a file, or stdout for {@code -}; the format comes from the extension ({@link Format#ofPath}), else, for a
   * name without one, {@code fallback}.
   *
   * @param columns the CSV header (ignored for JSON Lines)
   * @throws IOException {@code "path: cannot ..."} for another extension (such as .xlsx) or a path that cannot be
   *     written
   */
  public static RecordWriter open(String path, Format fallback, List<String> columns, OutputStream stdout)
      throws IOException {
    if (path.equals("-")) {
      Writer w = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16);
      return new RecordWriter(fallback, w, columns, null);
    }
    Format f = Format.ofPath(path);
    String name = Path.of(path).getFileName() == null ? "" : Path.of(path).getFileName().toString();
    int dot = name.lastIndexOf('.');
    if (f == null && dot > 0) {
      throw new IOException(path + ": cannot write " + name.substring(dot)
          + " files; use .csv or .jsonl, or - for stdout");
    }
    OutputFile file = OutputFile.create(path);
    Writer w = new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8);
    return new RecordWriter(f != null ? f : fallback, w, columns, file);
  }

  /** Writes one row; CSV takes the configured columns in order. */
  public void write(ObjectNode row) throws IOException {
    if (format == Format.JSONL) {
      out.write(RecordReader.JSON.writeValueAsString(row));
      out.write('\n');
      return;
    }
    csv.writeStartArray();
    for (String c : columns) {
      csv.writeString(cell(row.get(c)));
    }
    csv.writeEndArray();
  }

  private static String cell(@Nullable JsonNode n) {
    if (n == null || n.isNull()) {
      return "";
    }
    if (n.isArray()) {
      List<String> parts = new ArrayList<>();
      for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
        parts.add(cell(it.next()));
      }
      return String.join("; ", parts);
    }
    return n.isValueNode() ? n.asText() : n.toString();
  }

  /** Flushes the rows; a file then replaces the one at its path. Call once, after the last row. */
  public void commit() throws IOException {
    if (csv != null) {
      csv.flush();
    }
    out.flush();
    if (file != null) {
      file.commit();
    }
  }

  /** Without {@link #commit()} first, a file's rows are discarded; stdout is flushed either way. */
  @Override
  public void close() throws IOException {
    if (file != null) {
      file.close();
      return;
    }
    if (csv != null) {
      csv.flush();
    }
    out.flush();
  }
}
