package io.github.scrm.cli.io;

import java.io.IOException;
import java.io.Writer;

/**
 * A {@link Writer} that hands each line written to it (without its {@code \n}) to an action as soon as the line ends,
 * so that a caller reading a long export keeps one line in memory, not the whole text. What follows the last
 * {@code \n} is handed over by {@link #close}.
 */
public final class LineWriter extends Writer {

  /** What to do with one line. */
  @FunctionalInterface
  public interface LineAction {
    /** Takes {@code line}; an exception is thrown out of the write that ended the line. */
    void accept(String line) throws IOException;
  }

  private final LineAction action;
  private final StringBuilder line = new StringBuilder();
  private boolean closed;

  /** A writer handing its lines to {@code action}. */
  public LineWriter(LineAction action) {
    this.action = action;
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    if (closed) {
      throw new IOException("the line writer is closed");
    }
    int start = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      if (chars[i] == '\n') {
        line.append(chars, start, i - start);
        handOver();
        start = i + 1;
      }
    }
    line.append(chars, start, end - start);
  }

  @Override
  public void flush() {
    // lines are handed over when they end
  }

  /** Hands over what follows the last line end, if anything. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      if (!line.isEmpty()) {
        handOver();
      }
    }
  }

  private void handOver() throws IOException {
    String text = line.toString();
    line.setLength(0);
    action.accept(text);
  }
}
