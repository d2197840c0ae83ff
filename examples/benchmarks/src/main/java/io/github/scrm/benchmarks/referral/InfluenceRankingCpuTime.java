package io.github.scrm.benchmarks.referral;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Companion to {@link InfluenceRankingBenchmark} for a shared machine: runs the 1M-customer / 10M-edge job a few times
 * and prints wall time next to the CPU time the process used, which other programs on the machine do not inflate.
 * Run with {@code java -Xmx2g -cp benchmarks.jar io.github.scrm.benchmarks.referral.InfluenceRankingCpuTime}.
 */
public final class InfluenceRankingCpuTime {
  private InfluenceRankingCpuTime() {}

  /** Prints one line per run. */
  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    InfluenceRankingBenchmark bench = new InfluenceRankingBenchmark();
    bench.edges();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int run = 1; run <= runs; run++) {
      long cpu = os.getProcessCpuTime();
      long wall = System.nanoTime();
      List<?> top = bench.buildAndRank();
      long wallMs = (System.nanoTime() - wall) / 1_000_000;
      long cpuMs = (os.getProcessCpuTime() - cpu) / 1_000_000;
      Runtime rt = Runtime.getRuntime();
      System.out.printf("run %d: build+rank wall %d ms, process CPU %d ms, heap used %d MiB of max %d MiB, load %.1f,"
          + " top %s%n", run, wallMs, cpuMs, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20,
          os.getSystemLoadAverage(), top.get(0));
    }
  }
}
