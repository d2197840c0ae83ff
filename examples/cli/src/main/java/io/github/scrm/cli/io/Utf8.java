package io.github.scrm.cli.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * UTF-8 input as users' tools save it. Excel's "CSV UTF-8" and Windows Notepad start a file with a byte-order mark
 * (U+FEFF); left in place it becomes part of the first column name or makes the first JSON line invalid, so every
 * input drops one leading mark. Bytes that are not UTF-8 are an error with their line, never replaced: Excel's plain
 * "CSV" on a Chinese Windows is GBK, and decoded as UTF-8 with replacement characters every comment, name and brand
 * in it would silently become U+FFFD.
 */
public final class Utf8 {

  private static final char BOM = '\uFEFF';

  private Utf8() {}

  /** The input is not UTF-8; {@link #line()} is the line of the first byte that is not. */
  public static final class NotUtf8Exception extends IOException {
    private static final long serialVersionUID = 1L;
    private static final String REASON = "not UTF-8 text (saved as GBK or GB18030, as Excel's plain \"CSV\" is on a "
        + "Chinese Windows?); save it as UTF-8, such as Excel's \"CSV UTF-8\", or convert it with "
        + "iconv -f GB18030 -t UTF-8";

    private final long line;

    NotUtf8Exception(long line) {
      super("line " + line + ": " + REASON);
      this.line = line;
    }

    /** The 1-based line of the first byte that is not UTF-8. */
    public long line() {
      return line;
    }

    /** The message without the line, for callers that print {@code file:line: reason}. */
    public String reason() {
      return REASON;
    }
  }

  /**
   * Decodes {@code in} as UTF-8 without one leading byte-order mark.
   *
   * @return a reader whose reads throw {@link NotUtf8Exception} at the first byte that is not UTF-8
   */
  public static Reader reader(InputStream in) throws IOException {
    PushbackReader r = new PushbackReader(new StrictReader(in), 1);
    int first = r.read();
    if (first >= 0 && first != BOM) {
      r.unread(first);
    }
    return r;
  }

  /**
   * The whole text of {@code path}, or of stdin for {@code -}, without one leading byte-order mark.
   *
   * @throws IOException {@code "path: no such file"}, or {@code "path:line: not UTF-8 text ..."}
   */
  public static String text(String path, InputStream stdin) throws IOException {
    String source = path.equals("-") ? "stdin" : path;
    try (Reader in = reader(path.equals("-") ? stdin : Files.newInputStream(Path.of(path)))) {
      StringWriter text = new StringWriter();
      in.transferTo(text);
      return text.toString();
    } catch (NoSuchFileException e) {
      throw new IOException(path + ": no such file", e);
    } catch (NotUtf8Exception e) {
      throw new IOException(source + ":" + e.line() + ": " + e.reason(), e);
    }
  }

  /** {@code text} without one leading byte-order mark. */
  public static String withoutBom(String text) {
    return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
  }

  /** A UTF-8 decoder that reports malformed input with its line instead of replacing it. */
  private static final class StrictReader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 13).flip();
    private boolean endOfInput;
    private boolean flushed;
    private long line = 1;

    StrictReader(InputStream in) {
      this.in = in;
    }

    @Override
    public int read(char[] chars, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (flushed) {
        return -1;
      }
      CharBuffer out = CharBuffer.wrap(chars, off, len);
      while (true) {
        CoderResult result = decoder.decode(bytes, out, endOfInput);
        if (result.isError()) {
          count(chars, off, out.position());
          throw new NotUtf8Exception(line);
        }
        if (out.position() == off && endOfInput) {
          decoder.flush(out); // UTF-8 keeps no state to flush: this only ends the decoder's run
          flushed = true;
          return -1;
        }
        if (out.position() > off) {
          count(chars, off, out.position());
          return out.position() - off;
        }
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
          endOfInput = true;
        } else {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
      }
    }

    private void count(char[] chars, int from, int to) {
      for (int i = from; i < to; i++) {
        if (chars[i] == '\n') {
          line++;
        }
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
