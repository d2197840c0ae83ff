package io.github.scrm.benchmarks.sentiment;

import io.github.scrm.sentiment.Sentiment;
import io.github.scrm.sentiment.spi.SentimentScorer;
import io.github.scrm.sentiment.training.SentimentModel;
import io.github.scrm.sentiment.triage.Comment;
import io.github.scrm.sentiment.triage.TriageQueue;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A companion to the JMH benchmarks for a shared, overloaded machine: counts operations per second of the measuring
 * thread's own CPU time (ThreadMXBean), which is what one uncontended core would do, alongside the wall-clock rate.
 * Run: {@code java -cp examples/benchmarks/target/benchmarks.jar io.github.scrm.benchmarks.sentiment.CpuTimeThroughput}
 */
public final class CpuTimeThroughput {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static double sink;

  private CpuTimeThroughput() {}

  /** Runs each workload: 6 s warm-up, then 3 rounds of 3 s. */
  public static void main(String[] args) {
    List<String> comments = BenchmarkComments.all();
    SentimentScorer lexicon = Sentiment.defaultScorer();
    SentimentScorer trained = SentimentModel.trainer().train(BenchmarkComments.training(20_000));
    measure("defaultScorer", batch -> {
      for (int i = 0; i < batch; i++) {
        sink += lexicon.score(comments.get(i % comments.size())).negativeScore();
      }
    }, 10_000);
    measure("trainedScorer", batch -> {
      for (int i = 0; i < batch; i++) {
        sink += trained.score(comments.get(i % comments.size())).negativeScore();
      }
    }, 10_000);
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    List<Comment> batchOfComments = new ArrayList<>();
    for (int i = 0; i < TriageBenchmark.BATCH; i++) {
      batchOfComments.add(Comment.builder().id("c" + i).text(comments.get(i % comments.size())).platform("weibo")
          .threadId("post-" + (i % 50)).authorHandle("user" + (i % 3000)).followers(i * 37L % 100_000)
          .likes(i % 300).reposts(i % 40).replies(i % 12).createdAt(now.minus(Duration.ofSeconds(i % 7200)))
          .build());
    }
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    measure("triageIntake", batch -> {
      TriageQueue queue = TriageQueue.builder().clock(clock).build();
      for (Comment c : batchOfComments) {
        queue.submit(c);
      }
      sink += queue.size();
    }, TriageBenchmark.BATCH);
    System.out.println(sink > 0 ? "" : " ");
  }

  private interface Work {
    void run(int batch);
  }

  private static void measure(String name, Work work, int batch) {
    run(work, batch, 6_000_000_000L);
    for (int round = 0; round < 3; round++) {
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      long wall0 = System.nanoTime();
      long ops = run(work, batch, 3_000_000_000L);
      long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
      long wall = System.nanoTime() - wall0;
      System.out.printf(Locale.ROOT, "%-14s %,12.0f ops per CPU-second   %,12.0f ops per wall-second%n", name,
          ops / (cpu / 1e9), ops / (wall / 1e9));
    }
  }

  private static long run(Work work, int batch, long nanos) {
    long start = System.nanoTime();
    long ops = 0;
    while (System.nanoTime() - start < nanos) {
      work.run(batch);
      ops += batch;
    }
    return ops;
  }
}
