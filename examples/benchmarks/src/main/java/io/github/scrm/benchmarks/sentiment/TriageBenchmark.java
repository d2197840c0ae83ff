package io.github.scrm.benchmarks.sentiment;

import io.github.scrm.sentiment.triage.Comment;
import io.github.scrm.sentiment.triage.TriageQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Triage intake on one thread: analysis, SimHash clustering, repeated-ask tracking and deadline scheduling, counted
 * per comment (target: at least 200,000/s). Each invocation fills a fresh queue with 10,000 comments.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TriageBenchmark {

  static final int BATCH = 10_000;
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private List<Comment> comments;
  private Clock clock;

  /** Builds 10,000 comments from the pool with varied metadata. */
  @Setup
  public void setUp() {
    List<String> pool = BenchmarkComments.all();
    comments = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      comments.add(Comment.builder().id("c" + i).text(pool.get(i % pool.size())).platform("weibo")
          .threadId("post-" + (i % 50)).authorHandle("user" + (i % 3000)).followers(i * 37L % 100_000)
          .likes(i % 300).reposts(i % 40).replies(i % 12).createdAt(NOW.minus(Duration.ofSeconds(i % 7200)))
          .build());
    }
    clock = Clock.fixed(NOW, ZoneOffset.UTC);
  }

  /** Submits the batch into a new queue. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public TriageQueue intake() {
    TriageQueue queue = TriageQueue.builder().clock(clock).build();
    for (Comment c : comments) {
      queue.submit(c);
    }
    return queue;
  }
}
