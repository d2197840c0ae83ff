package io.github.scrm.benchmarks.core;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.spi.EventLog;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;

/**
 * The in-memory {@link EventLog} alone: {@code customers} customers (default 1M) with {@code eventsPerCustomer} events
 * each (default 10: one join and nine of {@link Workload}'s mixed stream), appended straight to the log.
 * Prints the log's heap per customer after GC and the thread CPU time per append, per {@code ownerOf} and per event
 * read back. Run:
 * {@code java -Xmx8g -cp examples/benchmarks/target/benchmarks.jar io.github.scrm.benchmarks.core.EventLogFootprint}.
 */
public final class EventLogFootprint {

  private EventLogFootprint() {}

  public static void main(String[] args) {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int eventsPerCustomer = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Workload workload = new Workload(customers);
    CustomerId[] owners = new CustomerId[customers];
    for (int c = 0; c < customers; c++) {
      owners[c] = CustomerId.of("c" + (c + 1));
    }
    long baseline = HeapPerCustomer.usedAfterGc();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    EventLog log = EventLog.inMemory();
    long mixed = (long) customers * (eventsPerCustomer - 1);
    long total = customers + mixed;
    long appendNanos = 0;
    // events are made outside the timed part in batches, so that only the log's work is counted
    int batch = 10_000;
    CustomerEvent[] events = new CustomerEvent[batch];
    int[] whose = new int[batch];
    for (long i = 0; i < total; i += batch) {
      int n = (int) Math.min(batch, total - i);
      for (int k = 0; k < n; k++) {
        long e = i + k;
        if (e < customers) {
          whose[k] = (int) e;
          events[k] = workload.join((int) e);
        } else {
          whose[k] = workload.customerOf(e - customers);
          events[k] = workload.event("h-", e - customers);
        }
      }
      long start = threads.getCurrentThreadCpuTime();
      for (int k = 0; k < n; k++) {
        log.append(owners[whose[k]], events[k]);
      }
      appendNanos += threads.getCurrentThreadCpuTime() - start;
    }
    java.util.Arrays.fill(events, null);
    long heap = HeapPerCustomer.usedAfterGc() - baseline;
    // what the baseline held must still be held, or its release would be subtracted from the log's heap
    Reference.reachabilityFence(workload);

    long start = threads.getCurrentThreadCpuTime();
    int found = 0;
    for (long i = 0; i < 1_000_000; i++) {
      found += log.ownerOf("h-" + Long.remainderUnsigned(Workload.mix(i), mixed)).isPresent() ? 1 : 0;
    }
    double ownerOfNanos = (threads.getCurrentThreadCpuTime() - start) / 1e6;
    start = threads.getCurrentThreadCpuTime();
    long read = 0;
    for (int c = 0; c < customers; c += 10) {
      read += log.eventsOf(owners[c]).size();
    }
    double readNanos = (double) (threads.getCurrentThreadCpuTime() - start) / read;

    System.out.printf("customers=%d events=%d%n", customers, total);
    System.out.printf("event log heap per customer: %.0f bytes (%.1f per event)%n", (double) heap / customers,
        (double) heap / total);
    System.out.printf("append: %.0f ns per event (thread cpu); ownerOf: %.0f ns (%d of 1M found); eventsOf: %.0f ns "
        + "per event read%n", (double) appendNanos / total, ownerOfNanos, found, readNanos);
    System.out.println(log);
  }
}
