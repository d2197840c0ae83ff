package io.github.scrm.cli.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress bar on stderr for reading one input: drawn only when stderr is a terminal and only once the job has
 * run for more than a second, redrawn at most five times a second, and ended with a line break when the input is
 * closed. With a known size it shows a bar and a percentage, otherwise the bytes read.
 */
public final class ProgressBar {

  private static final long SHOW_AFTER = 1_000_000_000L;
  private static final long REDRAW_EVERY = 200_000_000L;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final String label;
  private final long total;
  private final boolean enabled;
  private final LongSupplier nanos;
  private final long start;
  private long lastDraw;
  private boolean drawn;

  ProgressBar(PrintWriter err, String label, long total, boolean enabled, LongSupplier nanos) {
    this.err = err;
    this.label = label;
    this.total = total;
    this.enabled = enabled;
    this.nanos = nanos;
    this.start = nanos.getAsLong();
  }

  /**
   * Wraps {@code in} so that reading it draws a bar for {@code label}; {@code totalBytes} is the input's size, or 0
   * when unknown (stdin).
   */
  public static InputStream track(PrintWriter err, String label, InputStream in, long totalBytes) {
    ProgressBar bar = new ProgressBar(err, label, totalBytes, stderrIsTerminal(), System::nanoTime);
    return new FilterInputStream(in) {
      private long read;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          bar.update(++read);
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          read += n;
          bar.update(read);
        }
        return n;
      }

      @Override
      public void close() throws IOException {
        super.close();
        bar.done(read);
      }
    };
  }

  /** Whether stderr is a terminal: its file descriptor links to a tty (Linux), else whether there is a console. */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }

  void update(long done) {
    if (!enabled) {
      return;
    }
    long now = nanos.getAsLong();
    if (now - start < SHOW_AFTER || (drawn && now - lastDraw < REDRAW_EVERY)) {
      return;
    }
    lastDraw = now;
    drawn = true;
    err.print("\r" + line(done));
    err.flush();
  }

  void done(long done) {
    if (drawn) {
      err.println("\r" + line(total > 0 ? Math.max(done, total) : done));
      err.flush();
      drawn = false;
    }
  }

  String line(long done) {
    if (total <= 0) {
      return String.format(Locale.ROOT, "%s: %s read", label, size(done));
    }
    int filled = (int) Math.min(WIDTH, done * WIDTH / total);
    return String.format(Locale.ROOT, "%s [%s%s] %3d%% %s / %s", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
        Math.min(100, done * 100 / total), size(done), size(total));
  }

  private static String size(long bytes) {
    return bytes < 1 << 20 ? String.format(Locale.ROOT, "%d KB", bytes >> 10)
        : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }
}
