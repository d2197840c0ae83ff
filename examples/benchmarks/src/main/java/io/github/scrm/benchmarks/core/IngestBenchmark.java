package io.github.scrm.benchmarks.core;

import io.github.scrm.core.Scrm;
import io.github.scrm.core.event.CustomerEvent;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-thread ingestion into the in-memory defaults with 1M members already known. Each invocation ingests a batch
 * of {@value #BATCH} events of the mixed stream (validation, idempotency check, identity resolution binding new
 * unionids, event log append, profile update), so the score is events per second. The batch is built before the
 * invocation, outside the measured time, the way a host parses a page of events before handing them over: building
 * the event records is the host's cost, not the library's. {@code ingestMixedEvent} ingests the batch one call per
 * event, {@code ingestMixedPage} in one {@code ingestAll} call. The fork gets a 6 GiB heap for the 1M joins and the
 * measured events, which all stay in the in-memory log, touched before the run ({@code -XX:+AlwaysPreTouch}) as a
 * long-running process's heap is: otherwise every young collection that promotes into old memory not used before
 * spends about half its time in the kernel, faulting those pages in.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+UseTransparentHugePages", "-XX:+AlwaysPreTouch"})
public class IngestBenchmark {

  static final int BATCH = 10_000;

  @Param("1000000")
  int customers;

  private Workload workload;
  private Scrm scrm;
  private long next;
  private final CustomerEvent[] batch = new CustomerEvent[BATCH];
  private final List<CustomerEvent> page = Arrays.asList(batch);

  @Setup(Level.Trial)
  public void joinedCustomers() {
    workload = new Workload(customers);
    scrm = Workload.builder().build();
    // one million joins: the customers exist before measuring, and the ingestion path is compiled by then
    workload.joinAll(scrm);
  }

  /** The next batch of the stream; runs before each invocation, outside the measured time. */
  @Setup(Level.Invocation)
  public void nextBatch() {
    for (int i = 0; i < BATCH; i++) {
      batch[i] = workload.event("i-", next++);
    }
  }

  /** One {@code ingest} call per event. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void ingestMixedEvent(Blackhole sink) {
    for (CustomerEvent event : batch) {
      sink.consume(scrm.ingest(event));
    }
  }

  /** The same stream handed over a page at a time: one {@code ingestAll} call per batch. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void ingestMixedPage(Blackhole sink) {
    sink.consume(scrm.ingestAll(page));
  }
}
