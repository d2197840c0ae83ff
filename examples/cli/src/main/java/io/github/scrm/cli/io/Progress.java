package io.github.scrm.cli.io;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress counter on stderr, shown only when stderr is a terminal ({@code System.console() != null}) and
 * refreshed at most once a second, so that pipes and logs stay clean.
 */
public final class Progress {

  private final PrintWriter err;
  private final String label;
  private final boolean enabled;
  private long count;
  private long lastPrint;
  private boolean printed;

  private Progress(PrintWriter err, String label, boolean enabled) {
    this.err = err;
    this.label = label;
    this.enabled = enabled;
    this.lastPrint = System.nanoTime();
  }

  /** A progress line for {@code label}, silent unless stderr is a terminal. */
  public static Progress start(PrintWriter err, String label) {
    return new Progress(err, label, System.console() != null);
  }

  /** Counts one row. */
  public void step() {
    count++;
    if (enabled && (count & 1023) == 0) {
      long now = System.nanoTime();
      if (now - lastPrint > 1_000_000_000L) {
        lastPrint = now;
        printed = true;
        err.print(String.format(Locale.ROOT, "\r%s: %,d rows", label, count));
        err.flush();
      }
    }
  }

  /** Ends the line if one was printed. */
  public void done() {
    if (printed) {
      err.println(String.format(Locale.ROOT, "\r%s: %,d rows, done", label, count));
      err.flush();
    }
  }
}
