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
    long v = bits;
    for (int i = BODY_LENGTH - 1; i >= 0; i--) {
      long q = Long.divideUnsigned(v, BASE);
      buf[i] = SYMBOLS.charAt((int) (v - q * BASE));
      v = q;
    }
    out.append(buf);
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

  /** The check character over every alphabet character of {@code text} (a separator '-' and the prefix count too). */
  static char checkCharacter(CharSequence text) {
    int sum = 0;
    int weight = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int sym = value(Character.toUpperCase(c));
      // prefix characters outside the alphabet (I, L, O, 0, 1, '-') still count, by their char code
      int v = sym >= 0 ? sym : c % BASE;
      sum = (sum + v * weight) % BASE;
      weight = weight % (BASE - 1) + 1;
    }
    return SYMBOLS.charAt(sum);
  }

  static boolean checkCharacterMatches(String text) {
    if (text == null || text.length() < 2) {
      return false;
    }
    String body = text.substring(0, text.length() - 1);
    return checkCharacter(body) == text.charAt(text.length() - 1);
  }
}
