package io.github.scrm.core.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.scrm.core.ScrmException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * JSON Lines (one JSON object per line) reading and writing of events. Reading never stops at a bad line: each line
 * either reaches the consumer as an event or is reported with its line number and reason; blank lines are skipped.
 */
public final class JsonLines {

  private final ObjectMapper mapper;
  private final ObjectWriter writer;

  private JsonLines(ObjectMapper mapper) {
    this.mapper = mapper;
    this.writer = mapper.writerFor(CustomerEvent.class);
  }

  /** JSON Lines over {@code mapper}, normally {@link ScrmJson#mapper()} or {@code Scrm.json()}. */
  public static JsonLines with(ObjectMapper mapper) {
    return new JsonLines(Objects.requireNonNull(mapper, "mapper"));
  }

  /** A line that could not be read. */
  public record BadLine(long lineNumber, String reason) {
    @Override
    public String toString() {
      return "line " + lineNumber + ": " + reason;
    }
  }

  /** Why a line that holds JSON {@code null} is refused. */
  public static final String NOT_AN_OBJECT = "a line must hold a JSON object, but held null";

  /**
   * Reads every line of {@code in}, passing each event to {@code events} and each unreadable line to {@code bad}.
   *
   * @return the number of lines read, blank ones included
   * @throws ScrmException when {@code in} itself fails
   */
  public long readEvents(Reader in, Consumer<CustomerEvent> events, Consumer<BadLine> bad) {
    BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
    long lineNumber = 0;
    try {
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        CustomerEvent event;
        try {
          event = mapper.readValue(line, CustomerEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
          bad.accept(new BadLine(lineNumber, ScrmJson.describe(e)));
          continue;
        }
        if (event == null) {
          // a line holding only null reads as no event, without a failure
          bad.accept(new BadLine(lineNumber, NOT_AN_OBJECT));
          continue;
        }
        events.accept(event);
      }
    } catch (IOException e) {
      throw new ScrmException("reading JSON Lines failed after line " + lineNumber, e);
    }
    return lineNumber;
  }

  /** Writes {@code event} as one line. */
  public void write(CustomerEvent event, Writer out) {
    try {
      out.write(writer.writeValueAsString(event));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("writing an event failed", e);
    }
  }

  /** One event as a JSON line without the line break. */
  public String toLine(CustomerEvent event) {
    try {
      return writer.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new ScrmException("an event could not be written as JSON", e);
    }
  }
}
