package io.github.scrm.benchmarks.core;

import io.github.scrm.core.Scrm;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.profile.CustomerProfile;
import java.util.Optional;
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

/**
 * Profile lookup by identifier among 1M customers with about 3 events each, on the in-memory defaults (identity index
 * and profile store over one table),
 * for member numbers (every customer) and WeChat unionids (a third). Sampled, so the median is reported.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+UseTransparentHugePages"})
public class LookupBenchmark {

  @Param("1000000")
  int customers;

  private Scrm scrm;
  private Identifier[] probes;
  private int next;

  @Setup(Level.Trial)
  public void populate() {
    Workload workload = new Workload(customers);
    scrm = Workload.builder().build();
    workload.joinAll(scrm);
    for (long i = 0; i < 2L * customers; i++) {
      scrm.ingest(workload.event("p-", i));
    }
    probes = new Identifier[1 << 20];
    for (int i = 0; i < probes.length; i++) {
      int c = (int) Long.remainderUnsigned(Workload.mix(i + 12345), customers);
      probes[i] = i % 4 == 0 && scrm.identities().resolve(workload.unionids[c]).isPresent()
          ? workload.unionids[c] : workload.members[c];
    }
  }

  @Benchmark
  public Optional<CustomerProfile> profileByIdentifier() {
    return scrm.profile(probes[next++ & (probes.length - 1)]);
  }
}
