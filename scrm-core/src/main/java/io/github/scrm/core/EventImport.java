package io.github.scrm.core;

import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.ImportReport;
import io.github.scrm.core.event.IngestOutcome;
import io.github.scrm.core.event.JsonLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One JSON Lines import of events ({@link Scrm#importEvents}): the events are ingested a page at a time, so that
 * {@link Scrm#ingestAll} can start the lookups of a page's events together, and each outcome is reported with the line
 * it came from. Not thread-safe: one import, one instance.
 */
final class EventImport {

  /** How many events are ingested together. */
  static final int PAGE = 256;

  private final JsonLines lines;
  private final Function<List<CustomerEvent>, List<IngestOutcome>> ingestAll;
  private final List<CustomerEvent> page = new ArrayList<>(PAGE);
  private final long[] pageLines = new long[PAGE];
  private final List<JsonLines.BadLine> bad = new ArrayList<>();
  private long accepted;
  private long duplicates;

  EventImport(JsonLines lines, Function<List<CustomerEvent>, List<IngestOutcome>> ingestAll) {
    this.lines = lines;
    this.ingestAll = ingestAll;
  }

  /** Reads and ingests every line of {@code in}. */
  ImportReport run(Reader in) {
    long[] lineNo = new long[1];
    long total;
    try {
      total = lines.readEvents(new LineCountingReader(new BufferedReader(in), lineNo), event -> {
        pageLines[page.size()] = lineNo[0];
        page.add(event);
        if (page.size() == PAGE) {
          ingestPage();
        }
      }, bad::add);
    } finally {
      // the lines read before a failure to read further are ingested, as they would be one by one
      ingestPage();
    }
    bad.sort((a, b) -> Long.compare(a.lineNumber(), b.lineNumber()));
    return new ImportReport(total, accepted, duplicates, bad);
  }

  private void ingestPage() {
    List<IngestOutcome> outcomes = ingestAll.apply(page);
    for (int i = 0; i < outcomes.size(); i++) {
      IngestOutcome outcome = outcomes.get(i);
      if (outcome instanceof IngestOutcome.Accepted) {
        accepted++;
      } else if (outcome instanceof IngestOutcome.Duplicate) {
        duplicates++;
      } else if (outcome instanceof IngestOutcome.Rejected rejected) {
        bad.add(new JsonLines.BadLine(pageLines[i], String.join("; ", rejected.problems())));
      }
    }
    page.clear();
  }

  /** Counts lines as {@link JsonLines} reads them, so rejections of valid JSON get their line number. */
  private static final class LineCountingReader extends BufferedReader {
    private final long[] lineNo;

    LineCountingReader(Reader in, long[] lineNo) {
      super(in);
      this.lineNo = lineNo;
    }

    @Override
    public @Nullable String readLine() throws IOException {
      String line = super.readLine();
      if (line != null) {
        lineNo[0]++;
      }
      return line;
    }
  }
}
