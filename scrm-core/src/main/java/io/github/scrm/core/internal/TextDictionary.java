package io.github.scrm.core.internal;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Numbers the texts that repeat across customers (channels, brands, SKUs, stores, scopes, topics...) so that an encoded
 * event stores a small number instead of the text. Thread-safe; numbers are never reused or forgotten, so an encoding
 * stays valid for the life of the log.
 *
 * <p>The dictionary is bounded: texts longer than {@value #MAX_TEXT_LENGTH} characters are never admitted, at most
 * {@value #MAX_ENTRIES} texts are, and of those at most {@value #MAX_ID_PREFIXES} may be event-id prefixes (which a
 * host could make unbounded). Once a bound is reached the codec writes the text inline, which is always correct.
 */
final class TextDictionary {

  static final int MAX_ENTRIES = 1 << 18;
  static final int MAX_ID_PREFIXES = 1024;
  static final int MAX_TEXT_LENGTH = 64;

  /** An empty dictionary that admits nothing, for reading the parts of an encoding that hold no text. */
  static final TextDictionary NONE = new TextDictionary(0, 0);

  private final ConcurrentHashMap<String, Integer> numbers = new ConcurrentHashMap<>();
  private final int maxEntries;
  private final int maxIdPrefixes;
  // Written under the lock; volatile so that a reader sees a grown array with every element copied into it.
  private volatile String[] texts = new String[64];
  private int size;
  private int idPrefixes;

  TextDictionary() {
    this(MAX_ENTRIES, MAX_ID_PREFIXES);
  }

  TextDictionary(int maxEntries, int maxIdPrefixes) {
    this.maxEntries = maxEntries;
    this.maxIdPrefixes = maxIdPrefixes;
  }

  /** The number of {@code text}, admitting it if there is room; -1 when it must be written inline. */
  int numberOf(String text) {
    Integer known = numbers.get(text);
    if (known != null) {
      return known;
    }
    return text.length() > MAX_TEXT_LENGTH ? -1 : admit(text, false);
  }

  /** Like {@link #numberOf} for the text before the number of an event id, under the tighter prefix bound. */
  int numberOfIdPrefix(String prefix) {
    Integer known = numbers.get(prefix);
    if (known != null) {
      return known;
    }
    return prefix.length() > MAX_TEXT_LENGTH ? -1 : admit(prefix, true);
  }

  /** The text numbered {@code number}. */
  String text(int number) {
    String[] current = texts;
    @Nullable String text = number < current.length ? current[number] : null;
    if (text == null) {
      throw new IllegalStateException("text number " + number + " is not in the dictionary of " + size() + " texts");
    }
    return text;
  }

  synchronized int size() {
    return size;
  }

  private synchronized int admit(String text, boolean idPrefix) {
    Integer known = numbers.get(text);
    if (known != null) {
      return known;
    }
    if (size >= maxEntries || (idPrefix && idPrefixes >= maxIdPrefixes)) {
      return -1;
    }
    String[] current = texts;
    if (size == current.length) {
      current = Arrays.copyOf(current, current.length * 2);
    }
    int number = size;
    current[number] = text;
    texts = current;
    size++;
    if (idPrefix) {
      idPrefixes++;
    }
    numbers.put(text, number);
    return number;
  }

  @Override
  public String toString() {
    return "TextDictionary[" + size() + " texts]";
  }
}
