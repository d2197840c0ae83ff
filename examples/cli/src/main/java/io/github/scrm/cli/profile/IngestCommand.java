package io.github.scrm.cli.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.scrm.cli.ExitCode;
import io.github.scrm.cli.io.Format;
import io.github.scrm.cli.io.LineWriter;
import io.github.scrm.cli.io.AsOf;
import io.github.scrm.cli.io.OutputFile;
import io.github.scrm.cli.io.Problems;
import io.github.scrm.cli.io.ProgressBar;
import io.github.scrm.cli.io.RecordWriter;
import io.github.scrm.cli.io.Utf8;
import io.github.scrm.core.Scrm;
import io.github.scrm.core.ScrmException;
import io.github.scrm.core.attribute.AttributeKey;
import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.ImportReport;
import io.github.scrm.core.event.JsonLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scrm ingest}: events to profiles with metrics, through scrm-core. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Ingests customer events (JSON Lines, one event per line, see docs/event-schema.md) into "
        + "in-memory profiles: identities resolved, duplicates skipped by eventId, metrics computed. Writes one "
        + "profile per customer.",
        "Output .jsonl: the profile document scrm-core exports (customerId, identifiers, city, tags, ...) plus "
            + "\"attributes\": every catalogue attribute with a value as of --as-of (the input of tag, explain, "
            + "rules diff and report). Output .csv: customer_id and one column per attribute.",
        "Phones and emails given in clear are hashed with the key of --hash-key-file or $SCRM_HASH_KEY (at least "
            + "16 bytes); without either, a fixed example key is used and a warning printed. One line end (\\n or "
            + "\\r\\n) at the end of the key file is not part of the key, so a file written with echo \"$KEY\" and "
            + "SCRM_HASH_KEY=$KEY hash alike.",
        "Every refused line is reported as file:line: reason (the field and the rule) and skipped; the others are "
            + "applied and written.",
        "Exit 0 when every line was accepted or a duplicate, 2 when a line was refused (after writing the profiles "
            + "of the accepted ones) or a file could not be read."})
public final class IngestCommand implements Callable<Integer> {

  private static final Pattern FIELD_REASON = Pattern.compile("([A-Za-z][A-Za-z0-9_.\\[\\]]*): (.*)", Pattern.DOTALL);
  private static final byte[] EXAMPLE_KEY = "scrm-cli-example-key-not-secret".getBytes(StandardCharsets.UTF_8);

  @Option(names = "--events", required = true, paramLabel = "FILE",
      description = "events, one JSON object per line (.jsonl); - for stdin")
  String events;

  @Option(names = "--out-profiles", required = true, paramLabel = "FILE",
      description = "profiles as .jsonl or .csv; - for stdout (JSON Lines)")
  String outProfiles;

  @Option(names = "--as-of", paramLabel = "INSTANT",
      description = "the instant metrics are computed at and events may not be later than (plus 5 minutes); "
          + "ISO-8601, default now")
  @Nullable String asOf;

  @Option(names = "--zone", defaultValue = "Asia/Shanghai", paramLabel = "ZONE",
      description = "business time zone (default: ${DEFAULT-VALUE})")
  ZoneId zone;

  @Option(names = "--hash-key-file", paramLabel = "FILE",
      description = "the secret for hashing phones and emails (at least 16 bytes, without the line end that ends "
          + "the file)")
  @Nullable Path hashKeyFile;

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
      OutputFile.refuseInput(outProfiles, events);
      if (hashKeyFile != null) {
        OutputFile.refuseInput(outProfiles, hashKeyFile.toString());
      }
      byte[] key = key(err);
      if (key.length < 16) {
        problems.fatal("the hash key must have at least 16 bytes, but had " + key.length);
        return ExitCode.BAD_INPUT;
      }
      Scrm scrm = Scrm.builder().clock(Clock.fixed(at, zone)).zone(zone).phoneHashKey(key).build();
      String source = events.equals("-") ? "stdin" : events;
      ImportReport report;
      try (Reader in = open(events, err)) {
        report = scrm.importEvents(in);
      } catch (ScrmException e) {
        if (e.getCause() instanceof Utf8.NotUtf8Exception notUtf8) {
          problems.fatal(source + ":" + notUtf8.line() + ": " + notUtf8.reason());
          return ExitCode.BAD_INPUT;
        }
        throw e;
      }
      for (JsonLines.BadLine bad : report.rejected()) {
        problems.at(source, bad.lineNumber(), withField(bad.reason()));
      }
      long written = write(scrm, at);
      problems.info(source + ": " + report.accepted() + " events accepted, " + report.duplicates()
          + " duplicates, " + report.rejected().size() + " refused; " + written + " profiles written");
      return report.clean() ? ExitCode.OK : ExitCode.BAD_INPUT;
    } catch (IOException e) {
      problems.fatal(e.getMessage());
      return ExitCode.BAD_INPUT;
    }
  }

  /** {@code "lines[0].quantity: must be ..."} as {@code "field 'lines[0].quantity': must be ..."}. */
  static String withField(String reason) {
    Matcher m = FIELD_REASON.matcher(reason);
    return m.matches() ? "field '" + m.group(1) + "': " + m.group(2) : reason;
  }

  /** Writes each profile as the export gives it, one at a time: memory holds one document, not the whole export. */
  private long write(Scrm scrm, Instant at) throws IOException {
    List<String> columns = new ArrayList<>();
    columns.add("customer_id");
    scrm.catalogue().all().stream().map(AttributeKey::name).forEach(columns::add);
    long[] n = {0};
    try (RecordWriter w = RecordWriter.open(outProfiles, Format.JSONL, columns, System.out)) {
      try (LineWriter documents = new LineWriter(line -> {
        if (!line.isBlank()) {
          writeProfile(scrm, at, line, w);
          n[0]++;
        }
      })) {
        scrm.exportProfiles(documents);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      w.commit();
    }
    return n[0];
  }

  private void writeProfile(Scrm scrm, Instant at, String line, RecordWriter w) throws IOException {
    ObjectNode doc = (ObjectNode) scrm.json().readTree(line);
    JsonNode idNode = doc.get("customerId");
    CustomerId id = CustomerId.of(idNode.isObject() ? idNode.path("value").asText() : idNode.asText());
    AttributeValues values = scrm.profile(id).orElseThrow().attributesAt(at, scrm.time().zone(), scrm.currency());
    ObjectNode attributes = ProfileFormat.attributes(values, scrm.catalogue());
    if (Format.ofPath(outProfiles) == Format.CSV) {
      ObjectNode flat = attributes.deepCopy();
      flat.put("customer_id", id.value());
      w.write(flat);
    } else {
      doc.put("customerId", id.value());
      doc.set("attributes", attributes);
      w.write(doc);
    }
  }

  private byte[] key(PrintWriter err) throws IOException {
    if (hashKeyFile != null) {
      try {
        return withoutLineEnd(Files.readAllBytes(hashKeyFile));
      } catch (NoSuchFileException e) {
        throw new IOException(hashKeyFile + ": no such file", e);
      }
    }
    String env = System.getenv("SCRM_HASH_KEY");
    if (env != null && !env.isEmpty()) {
      return env.getBytes(StandardCharsets.UTF_8);
    }
    err.println("warning: hashing phones and emails with the built-in example key; pass --hash-key-file or set "
        + "SCRM_HASH_KEY for real data");
    return EXAMPLE_KEY.clone();
  }

  /**
   * The key file's bytes without one final {@code \n} or {@code \r\n}: {@code echo "$KEY" > key} must hash phones as
   * {@code SCRM_HASH_KEY=$KEY} does, or the same customer gets two identities.
   */
  static byte[] withoutLineEnd(byte[] key) {
    int n = key.length;
    if (n > 0 && key[n - 1] == '\n') {
      n -= n > 1 && key[n - 2] == '\r' ? 2 : 1;
    }
    return n == key.length ? key : Arrays.copyOf(key, n);
  }

  private static Reader open(String path, PrintWriter err) throws IOException {
    if (path.equals("-")) {
      return Utf8.reader(ProgressBar.track(err, "events", System.in, 0));
    }
    try {
      Path p = Path.of(path);
      return Utf8.reader(ProgressBar.track(err, "events", Files.newInputStream(p), Files.size(p)));
    } catch (NoSuchFileException e) {
      throw new IOException(path + ": no such file", e);
    }
  }
}
