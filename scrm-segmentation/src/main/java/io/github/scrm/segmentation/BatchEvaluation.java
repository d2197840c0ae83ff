package io.github.scrm.segmentation;

import com.google.common.base.Ticker;
import io.github.scrm.segmentation.spi.BatchProgressListener;
import io.github.scrm.segmentation.spi.BatchProgressListener.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Evaluates a rule set over every row of a {@link ProfileTable} on several threads. Rows are handed out in chunks;
 * each worker has its own {@link Evaluator}, so the only shared writes are the rows' result bitsets (one writer per
 * row) and the progress counter. Progress is reported by whichever thread finishes a chunk once the report interval
 * (measured with the {@link #ticker}) has passed, one report at a time, and once more at the end.
 *
 * <pre>{@code
 * BatchResult r = BatchEvaluation.over(table).asOf(clock.instant()).progress(listener).cancelWhen(flag::get).run();
 * }</pre>
 */
public final class BatchEvaluation {

  private static final int CHUNK = 4096;

  private final ProfileTable table;
  private Instant asOf;
  private int threads = Runtime.getRuntime().availableProcessors();
  private BatchProgressListener listener = BatchProgressListener.none();
  private BooleanSupplier cancelled = () -> false;
  private Ticker ticker = Ticker.systemTicker();
  private long reportEveryNanos = TimeUnit.MILLISECONDS.toNanos(250);

  private BatchEvaluation(ProfileTable table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  /** A batch over every row of {@code table}; {@link #asOf} is required. */
  public static BatchEvaluation over(ProfileTable table) {
    return new BatchEvaluation(table);
  }

  /** The evaluation instant. Required. */
  public BatchEvaluation asOf(Instant asOf) {
    this.asOf = Objects.requireNonNull(asOf, "asOf");
    return this;
  }

  /** Worker threads; default the number of processors. */
  public BatchEvaluation threads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, but was " + threads);
    }
    this.threads = threads;
    return this;
  }

  /** Receives progress reports (done, total, rate, ETA). */
  public BatchEvaluation progress(BatchProgressListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /** Checked between chunks; when it returns true the batch stops and reports what it did. */
  public BatchEvaluation cancelWhen(BooleanSupplier cancelled) {
    this.cancelled = Objects.requireNonNull(cancelled, "cancelled");
    return this;
  }

  /** The time source for rates and elapsed time; default the system ticker. */
  public BatchEvaluation ticker(Ticker ticker) {
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    return this;
  }

  /**
   * Runs the batch on the calling thread plus {@code threads - 1} workers and returns when all are done. Progress
   * reports come from those threads while they run (see {@link BatchProgressListener}).
   */
  public BatchResult run() {
    if (asOf == null) {
      throw new IllegalStateException("asOf is required: pass the evaluation instant from your Clock");
    }
    CompiledRuleSet rs = table.ruleSet();
    int rules = rs.ruleIds().size();
    int rows = table.size();
    AtomicInteger nextChunk = new AtomicInteger();
    AtomicLong done = new AtomicLong();
    long[][] tallies = new long[threads][];
    AtomicReference<Throwable> failure = new AtomicReference<>();
    long start = ticker.read();
    Reporter reporter = new Reporter(start, rows, done);
    Thread[] workers = new Thread[threads - 1];
    for (int t = 0; t < threads; t++) {
      int id = t;
      Runnable work = () -> {
        try {
          tallies[id] = work(rs, rules, rows, nextChunk, done, reporter);
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
        }
      };
      if (t < threads - 1) {
        workers[t] = new Thread(work, "scrm-segmentation-batch-" + t);
        workers[t].setDaemon(true);
        workers[t].start();
      } else {
        work.run();
      }
    }
    for (Thread w : workers) {
      join(w);
    }
    if (failure.get() != null) {
      throw new IllegalStateException("batch evaluation failed: " + failure.get(), failure.get());
    }
    long elapsed = ticker.read() - start;
    reporter.last(elapsed);
    Map<String, Long> sizes = new LinkedHashMap<>();
    Map<String, Long> gained = new LinkedHashMap<>();
    Map<String, Long> lost = new LinkedHashMap<>();
    List<String> ids = rs.ruleIds();
    for (int i = 0; i < rules; i++) {
      long s = 0;
      long g = 0;
      long l = 0;
      for (long[] tally : tallies) {
        s += tally[i];
        g += tally[rules + i];
        l += tally[2 * rules + i];
      }
      sizes.put(ids.get(i), s);
      gained.put(ids.get(i), g);
      lost.put(ids.get(i), l);
    }
    return new BatchResult(done.get(), done.get() < rows, sizes, gained, lost, Duration.ofNanos(elapsed));
  }

  private long[] work(CompiledRuleSet rs, int rules, int rows, AtomicInteger nextChunk, AtomicLong done,
      Reporter reporter) {
    Evaluator ev = rs.evaluator(asOf);
    long[] tally = new long[3 * rules];
    int words = table.words;
    long[] results = table.results;
    long[] buffer = new long[CHUNK * words];
    while (!cancelled.getAsBoolean()) {
      int from = nextChunk.getAndIncrement() * CHUNK;
      if (from >= rows) {
        break;
      }
      int to = Math.min(rows, from + CHUNK);
      ev.evaluateRows(table, from, to - from, buffer);
      for (int row = from; row < to; row++) {
        int base = row * words;
        int at = (row - from) * words;
        for (int w = 0; w < words; w++) {
          long n = buffer[at + w];
          long old = results[base + w];
          count(tally, 0, w, n);
          if (n != old) {
            count(tally, rules, w, n & ~old);
            count(tally, 2 * rules, w, old & ~n);
            results[base + w] = n;
          }
        }
      }
      done.addAndGet(to - from);
      reporter.maybeReport();
    }
    return tally;
  }

  private static void count(long[] tally, int offset, int word, long bits) {
    while (bits != 0) {
      int b = Long.numberOfTrailingZeros(bits);
      tally[offset + (word << 6) + b]++;
      bits &= bits - 1;
    }
  }

  private static void join(Thread w) {
    try {
      w.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the batch", e);
    }
  }

  /** Sends progress reports from the threads that run the batch: at most one per interval, never two at once. */
  private final class Reporter {
    private final long start;
    private final long total;
    private final AtomicLong done;
    private final AtomicLong nextReportAt;
    private final ReentrantLock lock = new ReentrantLock();

    Reporter(long start, long total, AtomicLong done) {
      this.start = start;
      this.total = total;
      this.done = done;
      this.nextReportAt = new AtomicLong(start + reportEveryNanos);
    }

    /** Called after each chunk; reports when the interval has passed and no other thread is reporting. */
    void maybeReport() {
      long now = ticker.read();
      long due = nextReportAt.get();
      if (now - due < 0 || !nextReportAt.compareAndSet(due, now + reportEveryNanos) || !lock.tryLock()) {
        return;
      }
      try {
        report(done.get(), total, now - start);
      } finally {
        lock.unlock();
      }
    }

    /** The final report, after every worker has finished. */
    void last(long elapsedNanos) {
      lock.lock();
      try {
        report(done.get(), total, elapsedNanos);
      } finally {
        lock.unlock();
      }
    }
  }

  private void report(long done, long total, long elapsedNanos) {
    double rate = elapsedNanos <= 0 ? 0 : done * 1e9 / elapsedNanos;
    Optional<Duration> eta = rate <= 0 ? Optional.empty()
        : Optional.of(Duration.ofNanos((long) ((total - done) / rate * 1e9)));
    listener.onProgress(new Progress(done, total, rate, eta));
  }
}
