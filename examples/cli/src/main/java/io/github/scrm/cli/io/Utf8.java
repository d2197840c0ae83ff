package io.github.scrm.cli.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 input as users' tools save it. Excel's "CSV UTF-8" and Windows Notepad start a file with a byte-order mark
 * (U+FEFF); left in place it becomes part of the first column name or makes the first JSON line invalid, so every
 * input drops one leading mark.
 */
public final class Utf8 {

  private static final char BOM = '\uFEFF';

  private Utf8() {}

  /** Decodes {@code in} as UTF-8 (undecodable bytes become U+FFFD), without one leading byte-order mark. */
  public static Reader reader(InputStream in) throws IOException {
    PushbackReader r = new PushbackReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1);
    int first = r.read();
    if (first >= 0 && first != BOM) {
      r.unread(first);
    }
    return r;
  }

  /** {@code text} without one leading byte-order mark. */
  public static String withoutBom(String text) {
    return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
  }
}
