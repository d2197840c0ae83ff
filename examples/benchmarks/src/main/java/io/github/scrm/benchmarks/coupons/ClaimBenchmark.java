package io.github.scrm.benchmarks.coupons;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.coupons.Coupons;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.template.Benefit;
import io.github.scrm.coupons.template.Stacking;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
  private final AtomicLong keys = new AtomicLong();
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

  @Benchmark
  @Threads(1)
  public boolean claimOneThread() {
    return claim();
  }

  @Benchmark
  @Threads(2)
  public boolean claimTwoThreads() {
    return claim();
  }

  private boolean claim() {
    long n = keys.incrementAndGet();
    boolean ok = coupons.issuance().claim(campaign, customers[(int) (n % CUSTOMERS)], "k" + n).issued();
    if (ok) {
      issued.increment();
    }
    return ok;
  }
}
