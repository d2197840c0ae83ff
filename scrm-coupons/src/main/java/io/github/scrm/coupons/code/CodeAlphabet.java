package io.github.scrm.coupons.code;

/**
 * Base-31 encoding over {@code 23456789ABCDEFGHJKMNPQRSTUVWXYZ} (no 0, 1, I, L, O) with a weighted mod-31 check
 * character. Because 31 is prime and the weights 1..n are distinct and non-zero mod 31 (n &lt; 31), every single
 * substitution and every transposition of two adjacent characters changes the check character.
 */
final class CodeAlphabet {
  static final String SYMBOLS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  static final int BASE = SYMBOLS.length();
  /** 31^13 > 2^64, so 13 characters carry a full unsigned 64-bit value. */
  static final int BODY_LENGTH = 13;
  private static final int[] VALUE = new int[128];

  static {
    java.util.Arrays.fill(VALUE, -1);
    for (int i = 0; i < BASE; i++) {
      VALUE[SYMBOLS.charAt(i)] = i;
    }
  }

  private CodeAlphabet() {}

  /** Appends {@code bits} (unsigned) as exactly {@link #BODY_LENGTH} characters. */
  static void appendBody(StringBuilder out, long bits) {
    char[] buf = new char[BODY_LENGTH];
    writeBody(buf, 0, bits);
    out.append(buf);
  }

  /** Writes {@code bits} (unsigned) as exactly {@link #BODY_LENGTH} characters into {@code out} at {@code from}. */
  static void writeBody(char[] out, int from, long bits) {
    // the first division is unsigned; after it the quotient fits in a signed long and plain division is faster
    long q0 = Long.divideUnsigned(bits, BASE);
    out[from + BODY_LENGTH - 1] = SYMBOLS.charAt((int) (bits - q0 * BASE));
    long v = q0;
    for (int i = BODY_LENGTH - 2; i >= 0; i--) {
      long q = v / BASE;
      out[from + i] = SYMBOLS.charAt((int) (v - q * BASE));
      v = q;
    }
  }

  /** Decodes {@link #BODY_LENGTH} characters at {@code from} into the unsigned 64-bit value (mod 2^64). */
  static long decodeBody(String text, int from) {
    long v = 0;
    for (int i = from; i < from + BODY_LENGTH; i++) {
      v = v * BASE + value(text.charAt(i));
    }
    return v;
  }

  static int value(char c) {
    return c < 128 ? VALUE[c] : -1;
  }

  /** The check character over every character of {@code text} (prefix and '-' separator included). */
  static char checkCharacter(CharSequence text) {
    int sum = 0;
    int weight = 1;
    for (int i = 0; i < text.length(); i++) {
      sum = (sum + symbolValue(text.charAt(i)) * weight) % BASE;
      weight = weight % (BASE - 1) + 1;
    }
    return SYMBOLS.charAt(sum);
  }

  /** The check character over the first {@code length} characters of {@code chars}. */
  static char checkCharacter(char[] chars, int length) {
    int sum = 0;
    int weight = 1;
    for (int i = 0; i < length; i++) {
      sum = (sum + symbolValue(chars[i]) * weight) % BASE;
      weight = weight % (BASE - 1) + 1;
    }
    return SYMBOLS.charAt(sum);
  }

  // prefix characters outside the alphabet (I, L, O, 0, 1, '-') still count, by their char code
  private static int symbolValue(char c) {
    int sym = value(Character.toUpperCase(c));
    return sym >= 0 ? sym : c % BASE;
  }

  static boolean checkCharacterMatches(String text) {
    if (text == null || text.length() < 2) {
      return false;
    }
    int sum = 0;
    int weight = 1;
    int last = text.length() - 1;
    for (int i = 0; i < last; i++) {
      sum = (sum + symbolValue(text.charAt(i)) * weight) % BASE;
      weight = weight % (BASE - 1) + 1;
    }
    return SYMBOLS.charAt(sum) == text.charAt(last);
  }

}
