package io.github.scrm.cli.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The line on which each JSON pointer ({@code /rules/3/when}) starts in a JSON document, so that problems the library
 * reports by pointer can name the line of the file. Pointers of the document that do not exist map to the line of
 * their nearest existing parent.
 */
public final class JsonLocations {

  private static final JsonFactory FACTORY = new JsonFactory();

  private final Map<String, Integer> lines;

  private JsonLocations(Map<String, Integer> lines) {
    this.lines = lines;
  }

  /** Indexes {@code json}; a malformed document indexes what precedes the error. */
  public static JsonLocations of(String json) {
    Map<String, Integer> lines = new HashMap<>();
    Deque<Object> path = new ArrayDeque<>(); // String field names or int[] array indexes
    try (JsonParser p = FACTORY.createParser(json)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.FIELD_NAME) {
          path.removeLast();
          path.addLast(p.currentName());
          lines.put(pointer(path), p.currentLocation().getLineNr());
          continue;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          path.removeLast();
          continue;
        }
        Object last = path.peekLast();
        if (last instanceof int[] index) {
          index[0]++;
          lines.putIfAbsent(pointer(path), p.currentTokenLocation().getLineNr());
        } else if (path.isEmpty()) {
          lines.put("", p.currentTokenLocation().getLineNr());
        }
        if (t == JsonToken.START_OBJECT) {
          path.addLast(""); // replaced by the first field name
        } else if (t == JsonToken.START_ARRAY) {
          path.addLast(new int[] {-1});
        }
      }
    } catch (IOException e) {
      // keep what was indexed before the error
    }
    return new JsonLocations(lines);
  }

  private static String pointer(Deque<Object> path) {
    StringBuilder sb = new StringBuilder();
    for (Object o : path) {
      sb.append('/');
      if (o instanceof int[] index) {
        sb.append(index[0]);
      } else {
        sb.append(((String) o).replace("~", "~0").replace("/", "~1"));
      }
    }
    return sb.toString();
  }

  /** The 1-based line where {@code pointer} (or its nearest existing parent) starts; 1 when none is known. */
  public int line(String pointer) {
    String p = pointer;
    while (true) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      if (p.isEmpty()) {
        return 1;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }
}
