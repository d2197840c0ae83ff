package io.github.scrm.benchmarks.coupons;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.coupons.Coupons;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.template.Benefit;
import io.github.scrm.coupons.template.Stacking;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Claims (领券) with code generation from a {@code SecureRandom} into the in-memory store: one thread, and two threads
 * claiming from the same campaign. After each iteration the store must hold exactly the successful claims and never
 * more than the stock.
 *
 * <p>Each benchmark thread numbers its own idempotency keys ({@link Caller}): a counter shared by the threads would
 * be a contended cache line of the harness, not of the library, and would hide how claims from two threads scale.
 * The keys stay unique across threads because each carries its thread's number; the threads start half the customer
 * list apart so that they do not claim for the same customer in lock step.
 */
@Fork(jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class ClaimBenchmark {
  private static final int CUSTOMERS = 100_000;
  private static final long STOCK = 50_000_000L;

  private Coupons coupons;
  private CampaignId campaign;
  private CustomerId[] customers;
  private final AtomicInteger callers = new AtomicInteger();
  private final LongAdder issued = new LongAdder();

  /** A fresh engine per iteration keeps memory bounded. */
  @Setup(Level.Iteration)
  public void setUp() {
    coupons = BenchFixtures.engine(2_000_000);
    campaign = BenchFixtures.campaign(coupons, "claims", BenchFixtures.template("mj", Benefit.threshold(300_00,
        50_00), Stacking.shop("mj")), STOCK, Integer.MAX_VALUE);
    customers = new CustomerId[CUSTOMERS];
    for (int i = 0; i < CUSTOMERS; i++) {
      customers[i] = CustomerId.of("c" + i);
    }
    issued.reset();
    // the previous iteration's engine is garbage: collect it here rather than inside the measurement
    System.gc();
  }

  /** No over-issue: the counters equal the successful claims and stay within stock. */
  @TearDown(Level.Iteration)
  public void check() {
    long stored = coupons.store().counters(campaign).issued();
    if (stored != issued.sum() || stored > STOCK) {
      throw new IllegalStateException("over-issue: store counted " + stored + " but " + issued.sum()
          + " claims succeeded (stock " + STOCK + ")");
    }
  }

  /** One benchmark thread's key prefix and counter. */
  @State(Scope.Thread)
  public static class Caller {
    String prefix;
    long n;

    @Setup(Level.Trial)
    public void setUp(ClaimBenchmark bench) {
      int number = bench.callers.getAndIncrement();
      prefix = "k" + number + "-";
      // threads start at different customers, as two real callers would
      n = number * (CUSTOMERS / 2L);
    }
  }

  @Benchmark
  @Threads(1)
  public boolean claimOneThread(Caller caller) {
    return claim(caller);
  }

  @Benchmark
  @Threads(2)
  public boolean claimTwoThreads(Caller caller) {
    return claim(caller);
  }

  private boolean claim(Caller caller) {
    long n = ++caller.n;
    boolean ok = coupons.issuance().claim(campaign, customers[(int) (n % CUSTOMERS)], caller.prefix + n).issued();
    if (ok) {
      issued.increment();
    }
    return ok;
  }
}
