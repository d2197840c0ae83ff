package io.github.scrm.cli.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One input row, with where it came from.
 *
 * @param source the file name ({@code stdin} for -)
 * @param line the 1-based line the row starts on
 * @param fields the fields in input order (CSV values are strings)
 */
public record Row(String source, long line, ObjectNode fields) {

  /** Validates the parts. */
  public Row {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(fields, "fields");
  }

  /** A field, or null when absent or JSON null. */
  public @Nullable JsonNode get(String name) {
    JsonNode n = fields.get(name);
    return n == null || n.isNull() ? null : n;
  }

  /** A field as text, or null when absent, null or empty. */
  public @Nullable String text(String name) {
    JsonNode n = get(name);
    if (n == null) {
      return null;
    }
    String s = n.isValueNode() ? n.asText() : n.toString();
    return s.isEmpty() ? null : s;
  }
}
