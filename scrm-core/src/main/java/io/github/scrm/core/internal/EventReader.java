package io.github.scrm.core.internal;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Reads what {@link EventWriter} wrote, from a byte array that no one changes while it is read. */
final class EventReader {

  private final byte[] bytes;
  private final TextDictionary dictionary;
  private int position;

  EventReader(byte[] bytes, int position, TextDictionary dictionary) {
    this.bytes = bytes;
    this.position = position;
    this.dictionary = dictionary;
  }

  int position() {
    return position;
  }

  void seek(int newPosition) {
    position = newPosition;
  }

  int readByte() {
    return bytes[position++] & 0xFF;
  }

  /** The next byte, without moving past it. */
  int peekByte() {
    return bytes[position] & 0xFF;
  }

  long readVarint() {
    long value = 0;
    int shift = 0;
    while (true) {
      byte b = bytes[position++];
      value |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
      shift += 7;
    }
  }

  int readInt() {
    return Math.toIntExact(readVarint());
  }

  long readSigned() {
    long v = readVarint();
    return (v >>> 1) ^ -(v & 1);
  }

  String readText() {
    String text = readNullableText();
    if (text == null) {
      throw new IllegalStateException("a required text is missing at byte " + (position - 1));
    }
    return text;
  }

  @Nullable String readNullableText() {
    long header = readVarint();
    if (header == 0) {
      return null;
    }
    if ((header & 1) != 0) {
      return dictionary.text(Math.toIntExact(header >>> 1));
    }
    return readCesu(Math.toIntExact((header >>> 1) - 1));
  }

  String readEventId() {
    long header = readVarint();
    if ((header & 1) != 0) {
      String prefix = dictionary.text(Math.toIntExact(header >>> 1));
      return prefix + readVarint();
    }
    return readCesu(Math.toIntExact((header >>> 1) - 1));
  }

  /** Whether the (non-null) text at the current position is {@code text}; reads past it either way. */
  boolean textEquals(String text) {
    long header = readVarint();
    if (header == 0) {
      return false;
    }
    if ((header & 1) != 0) {
      return dictionary.text(Math.toIntExact(header >>> 1)).equals(text);
    }
    int end = position + Math.toIntExact((header >>> 1) - 1);
    boolean equal = cesuEquals(end, text);
    position = end;
    return equal;
  }

  /** Whether the event id at the current position is {@code id}; reads past it either way, without allocating. */
  boolean eventIdEquals(String id) {
    long header = readVarint();
    if ((header & 1) != 0) {
      String prefix = dictionary.text(Math.toIntExact(header >>> 1));
      long number = readVarint();
      return id.startsWith(prefix) && isDecimal(id, prefix.length(), number);
    }
    int length = Math.toIntExact((header >>> 1) - 1);
    int end = position + length;
    boolean equal = cesuEquals(end, id);
    position = end;
    return equal;
  }

  private boolean cesuEquals(int end, String id) {
    int index = 0;
    int p = position;
    while (p < end) {
      if (index == id.length()) {
        return false;
      }
      int b = bytes[p] & 0xFF;
      char c;
      if (b < 0x80) {
        c = (char) b;
        p++;
      } else if (b < 0xE0) {
        c = (char) (((b & 0x1F) << 6) | (bytes[p + 1] & 0x3F));
        p += 2;
      } else {
        c = (char) (((b & 0x0F) << 12) | ((bytes[p + 1] & 0x3F) << 6) | (bytes[p + 2] & 0x3F));
        p += 3;
      }
      if (c != id.charAt(index++)) {
        return false;
      }
    }
    return index == id.length();
  }

  private static boolean isDecimal(String id, int from, long number) {
    int digits = id.length() - from;
    if (digits < 1 || digits > 18 || (digits > 1 && id.charAt(from) == '0')) {
      return false;
    }
    long value = 0;
    for (int i = from; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!EventWriter.isDigit(c)) {
        return false;
      }
      value = value * 10 + (c - '0');
    }
    return value == number;
  }

  private String readCesu(int length) {
    int end = position + length;
    boolean ascii = true;
    for (int p = position; p < end; p++) {
      if (bytes[p] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      String text = new String(bytes, position, length, StandardCharsets.ISO_8859_1);
      position = end;
      return text;
    }
    char[] chars = new char[length];
    int count = 0;
    while (position < end) {
      int b = bytes[position] & 0xFF;
      if (b < 0x80) {
        chars[count++] = (char) b;
        position++;
      } else if (b < 0xE0) {
        chars[count++] = (char) (((b & 0x1F) << 6) | (bytes[position + 1] & 0x3F));
        position += 2;
      } else {
        chars[count++] = (char) (((b & 0x0F) << 12) | ((bytes[position + 1] & 0x3F) << 6)
            | (bytes[position + 2] & 0x3F));
        position += 3;
      }
    }
    return new String(chars, 0, count);
  }

  @Override
  public String toString() {
    return "EventReader[at byte " + position + " of " + bytes.length + "]";
  }
}
