package io.github.scrm.benchmarks.core;

import io.github.scrm.core.Scrm;
import io.github.scrm.core.event.IngestOutcome;
import io.github.scrm.core.spi.EventLog;
import io.github.scrm.core.spi.IdentityIndex;
import io.github.scrm.core.spi.ProfileStore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Single-thread ingestion into the in-memory defaults with 1M members already known: each operation builds one event
 * of the mixed stream, validates it, checks its id, resolves its identifiers (binding new unionids, merging nothing),
 * appends it to the event log and updates the profile. The fork gets a 6 GiB heap: the in-memory log keeps every
 * event object (about 1.5 GiB for the joins, 0.5 GiB per million measured events).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+UseTransparentHugePages"})
public class IngestBenchmark {

  @Param("1000000")
  int customers;

  private Workload workload;
  private Scrm scrm;
  private long next;

  @Setup(Level.Trial)
  public void joinedCustomers() {
    workload = new Workload(customers);
    scrm = Workload.builder(ProfileStore.inMemory(), EventLog.inMemory(), IdentityIndex.inMemory()).build();
    // one million joins: the customers exist before measuring, and the ingestion path is compiled by then
    workload.joinAll(scrm);
  }

  @Benchmark
  public IngestOutcome ingestMixedEvent() {
    return scrm.ingest(workload.event("i-", next++));
  }
}
