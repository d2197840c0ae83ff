package io.github.scrm.core.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A growable byte buffer with the primitive encodings of the compact event log: unsigned LEB128 varints, zig-zag
 * signed varints and texts. One per thread ({@link #local()}), reused for every event it encodes.
 *
 * <p>A text starts with a varint header: {@code 0} is null, an odd header {@code 2n+1} is dictionary text number
 * {@code n}, an even header {@code 2(len+1)} is followed by {@code len} bytes of the text's UTF-16 units in CESU-8
 * (each unit on its own, so that any Java string, even one with a lone surrogate, comes back exactly). An event id
 * uses the same headers except that an odd header names a dictionary prefix followed by a varint number, for the
 * common {@code prefix12345} ids.
 */
final class EventWriter {

  private static final ThreadLocal<EventWriter> LOCAL = ThreadLocal.withInitial(EventWriter::new);
  private static final int MAX_ID_DIGITS = 18;

  private byte[] bytes = new byte[256];
  private int position;
  private int[] numbers = new int[4];
  // the last event-id prefix and its number in that dictionary: a host's ids mostly share one prefix
  private @Nullable TextDictionary prefixDictionary;
  private String prefix = "";
  private int prefixNumber;

  /** This thread's writer, emptied. */
  static EventWriter local() {
    EventWriter writer = LOCAL.get();
    writer.position = 0;
    return writer;
  }

  int position() {
    return position;
  }

  /** Scratch room for {@code size} numbers, reused by every call on this thread's writer. */
  int[] numbers(int size) {
    if (numbers.length < size) {
      numbers = new int[Math.max(size, numbers.length * 2)];
    }
    return numbers;
  }

  byte[] bytes() {
    return bytes;
  }

  /** Drops everything written from {@code newPosition} on. */
  void truncate(int newPosition) {
    position = newPosition;
  }

  void writeByte(int b) {
    ensure(1);
    bytes[position++] = (byte) b;
  }

  void writeVarint(long value) {
    ensure(10);
    long v = value;
    while ((v & ~0x7FL) != 0) {
      bytes[position++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    bytes[position++] = (byte) v;
  }

  void writeSigned(long value) {
    writeVarint((value << 1) ^ (value >> 63));
  }

  /** A text, by its dictionary number when the dictionary has or admits it. */
  void writeText(String text, TextDictionary dictionary) {
    int number = dictionary.numberOf(text);
    if (number >= 0) {
      writeVarint(((long) number << 1) | 1);
    } else {
      writeInline(text);
    }
  }

  void writeNullableText(@Nullable String text, TextDictionary dictionary) {
    if (text == null) {
      writeByte(0);
    } else {
      writeText(text, dictionary);
    }
  }

  /** A text that is unique (an order id, a comment), never put in the dictionary. */
  void writeInline(String text) {
    int length = cesuLength(text);
    writeVarint(((long) length + 1) << 1);
    ensure(length);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes[position++] = (byte) c;
      } else if (c < 0x800) {
        bytes[position++] = (byte) (0xC0 | (c >> 6));
        bytes[position++] = (byte) (0x80 | (c & 0x3F));
      } else {
        bytes[position++] = (byte) (0xE0 | (c >> 12));
        bytes[position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        bytes[position++] = (byte) (0x80 | (c & 0x3F));
      }
    }
  }

  void writeNullableInline(@Nullable String text) {
    if (text == null) {
      writeByte(0);
    } else {
      writeInline(text);
    }
  }

  /** An event id: {@code prefix} + canonical decimal number as dictionary prefix and varint, else inline. */
  void writeEventId(String id, TextDictionary dictionary) {
    int digitsStart = id.length();
    while (digitsStart > 0 && isDigit(id.charAt(digitsStart - 1))) {
      digitsStart--;
    }
    int digits = id.length() - digitsStart;
    boolean canonical = digits > 0 && digits <= MAX_ID_DIGITS && (digits == 1 || id.charAt(digitsStart) != '0');
    if (canonical) {
      int number = prefixNumber(id, digitsStart, dictionary);
      if (number >= 0) {
        writeVarint(((long) number << 1) | 1);
        writeVarint(Long.parseLong(id, digitsStart, id.length(), 10));
        return;
      }
    }
    writeInline(id);
  }

  private int prefixNumber(String id, int digitsStart, TextDictionary dictionary) {
    if (dictionary == prefixDictionary && digitsStart == prefix.length() && id.startsWith(prefix)) {
      return prefixNumber;
    }
    String candidate = id.substring(0, digitsStart);
    int number = dictionary.numberOfIdPrefix(candidate);
    if (number >= 0) {
      prefixDictionary = dictionary;
      prefix = candidate;
      prefixNumber = number;
    }
    return number;
  }

  /** Appends {@code length} bytes of {@code source} from {@code offset}. */
  void writeBytes(byte[] source, int offset, int length) {
    ensure(length);
    System.arraycopy(source, offset, bytes, position, length);
    position += length;
  }

  static int varintLength(long value) {
    int length = 1;
    long v = value;
    while ((v & ~0x7FL) != 0) {
      v >>>= 7;
      length++;
    }
    return length;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int cesuLength(String text) {
    int length = text.length();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        length += c < 0x800 ? 1 : 2;
      }
    }
    return length;
  }

  private void ensure(int more) {
    if (position + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, position + more));
    }
  }

  @Override
  public String toString() {
    return "EventWriter[" + position + " bytes]";
  }
}
