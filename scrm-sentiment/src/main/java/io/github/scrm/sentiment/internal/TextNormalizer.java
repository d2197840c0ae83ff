package io.github.scrm.sentiment.internal;

/**
 * Turns any string into the code points the lexicon is matched against: full-width to half-width, traditional to
 * simplified, lower case, tabs to spaces, line breaks (CR, LF, U+2028, U+2029) to the clause break {@code '\n'}, control
 * and zero-width characters and lone surrogates dropped, typographic apostrophes to {@code '}. Emoji stay as single code points. Texts longer than {@link #MAX_CHARS} UTF-16 units are scored on their
 * first {@link #HEAD_CHARS} and last {@link #TAIL_CHARS} units, joined by a clause break.
 */
public final class TextNormalizer {

  /** Longest text scored whole. */
  public static final int MAX_CHARS = 4096;
  /** Units kept from the start of a longer text. */
  public static final int HEAD_CHARS = 3072;
  /** Units kept from the end of a longer text. */
  public static final int TAIL_CHARS = 1024;

  private static final char DROP = '\uFFFF';
  /** fold() precomputed for every BMP character: one array load per character at run time. */
  private static final char[] FOLD = new char[65536];

  static {
    for (int c = 0; c < FOLD.length; c++) {
      int f = fold((char) c);
      FOLD[c] = f < 0 ? DROP : (char) f;
    }
  }

  private TextNormalizer() {}

  /**
   * Normalises {@code text} into {@code out}, which must hold at least {@code MAX_CHARS + 1} code points.
   *
   * @return the number of code points written
   */
  public static int normalize(CharSequence text, int[] out) {
    int len = text.length();
    if (len <= MAX_CHARS) {
      return append(text, 0, len, out, 0);
    }
    int n = append(text, 0, HEAD_CHARS, out, 0);
    out[n++] = '。';
    return append(text, len - TAIL_CHARS, len, out, n);
  }

  private static int append(CharSequence text, int from, int to, int[] out, int n) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      int cp;
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
          cp = Character.toCodePoint(c, text.charAt(++i));
          if (cp >= 0xE0000 && cp <= 0xE007F) {
            continue; // tag characters
          }
          out[n++] = cp;
        }
        continue; // a lone high surrogate is dropped
      }
      if (Character.isLowSurrogate(c)) {
        continue;
      }
      char f = FOLD[c];
      if (f != DROP) {
        out[n++] = f;
      }
    }
    return n;
  }

  /** The normalised form of one BMP character, or -1 to drop it. */
  static int fold(char c) {
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') {
        return c + 32;
      }
      if (c < 0x20 || c == 0x7F) {
        // a line break ends a clause, as a comma does; a tab separates words
        return c == '\n' || c == '\r' ? '\n' : c == '\t' ? ' ' : -1;
      }
      return c;
    }
    if (c >= 0xFF01 && c <= 0xFF5E) {
      int half = c - 0xFEE0;
      return half >= 'A' && half <= 'Z' ? half + 32 : half;
    }
    if (c == 0x3000) {
      return ' ';
    }
    if (c == 0x2028 || c == 0x2029) {
      return '\n';
    }
    if (c == 0x2018 || c == 0x2019 || c == 0x02BC) {
      return '\''; // typographic apostrophes, as phones type them: don’t is don't
    }
    if (c <= 0x9F || c == DROP || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x200B && c <= 0x200F) || (c >= 0x2060 && c <= 0x2064)
        || c == 0xFEFF || (c >= 0x202A && c <= 0x202E)) {
      return -1;
    }
    if (c < 0x250) {
      return Character.toLowerCase(c);
    }
    return TraditionalChinese.toSimplified(c);
  }

  /** True for characters that end a clause: , . ! ? ; ~ and their Chinese forms, ellipsis, line breaks. */
  public static boolean isClauseBreak(int cp) {
    switch (cp) {
      case ',', '.', '!', '?', ';', '~', '。', '、', '…', '～', '\n' -> {
        return true;
      }
      default -> {
        return false;
      }
    }
  }
}
