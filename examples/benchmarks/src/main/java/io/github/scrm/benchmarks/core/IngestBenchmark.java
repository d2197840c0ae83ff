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
 * appends it to the event log and updates the profile. Each iteration starts from freshly joined customers, so the
 * log never outgrows the heap. The fork gets a 6 GiB heap: 1M customers with their events in the in-memory log need
 * about 1.5 GiB before the first measured event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class IngestBenchmark {

  @Param("1000000")
  int customers;

  private Workload workload;
  private Scrm scrm;
  private long next;
  private int iteration;

  @Setup(Level.Trial)
  public void workload() {
    workload = new Workload(customers);
  }

  @Setup(Level.Iteration)
  public void freshCustomers() {
    scrm = null;
    System.gc();
    scrm = Workload.builder(ProfileStore.inMemory(), EventLog.inMemory(), IdentityIndex.inMemory()).build();
    workload.joinAll(scrm);
    next = 0;
    iteration++;
  }

  @Benchmark
  public IngestOutcome ingestMixedEvent() {
    return scrm.ingest(workload.event("i" + iteration + "-", next++));
  }
}
