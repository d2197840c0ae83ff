package io.github.scrm.benchmarks.core;

import io.github.scrm.core.Scrm;
import io.github.scrm.core.spi.EventLog;
import io.github.scrm.core.spi.IdentityIndex;
import io.github.scrm.core.internal.CustomerTable;
import io.github.scrm.core.spi.ProfileStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Measures heap per customer after GC: {@code customers} members (default 1M) with about {@code eventsPerCustomer}
 * events each (default 10: one join and nine of the mixed stream). Reports the heap used by everything the in-memory
 * defaults keep: the customer table behind the profile store and identity index, and the event log (whose streams the
 * table's slots point to, so the two are measured together). Run:
 * {@code java -Xmx8g -cp examples/benchmarks/target/benchmarks.jar io.github.scrm.benchmarks.core.HeapPerCustomer}.
 */
public final class HeapPerCustomer {

  private HeapPerCustomer() {}

  public static void main(String[] args) {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int eventsPerCustomer = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Workload workload = new Workload(customers);
    long baseline = usedAfterGc();

    CustomerTable table = CustomerTable.create();
    ProfileStore store = table.profileStore();
    IdentityIndex index = table.identityIndex();
    EventLog log = EventLog.inMemory();
    Scrm scrm = Workload.builder(table, log).build();
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long cpuStart = threads.getCurrentThreadCpuTime();
    workload.joinAll(scrm);
    long mixed = (long) customers * (eventsPerCustomer - 1);
    for (long i = 0; i < mixed; i++) {
      scrm.ingest(workload.event("h-", i));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    long used = usedAfterGc() - baseline;
    java.lang.ref.Reference.reachabilityFence(scrm);
    java.lang.ref.Reference.reachabilityFence(log);
    long profiles = store.size();

    System.out.printf("customers=%d events=%d ingest wall=%.1fs (%.0f events/s) thread cpu=%.1fs (%.0f events/s)%n",
        profiles, customers + mixed, seconds, (customers + mixed) / seconds, cpuSeconds,
        (customers + mixed) / cpuSeconds);
    System.out.printf("heap per customer, profile store + identity index + event log: %.0f bytes%n",
        (double) used / profiles);
    if (store.size() != profiles || index.find(workload.members[0]).isEmpty()) {
      throw new IllegalStateException("the stores must still be reachable when measured");
    }
  }

  /** The heap in use after a few full collections. */
  static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
