package io.github.scrm.benchmarks.coupons;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.coupons.Coupons;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.issuance.IssueResult;
import io.github.scrm.coupons.ledger.Actor;
import io.github.scrm.coupons.order.Order;
import io.github.scrm.coupons.redemption.ReserveResult;
import io.github.scrm.coupons.redemption.Settlement;
import io.github.scrm.coupons.template.Benefit;
import io.github.scrm.coupons.template.Stacking;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Reserve plus confirm of one coupon on a 3-line order, one thread. Each iteration starts with a fresh pool of issued
 * coupons (issuing is not measured); every operation uses the next coupon, so each is redeemed exactly once, on an
 * order of its own (an order holds one live reservation), built in the operation as a till builds its checkout. The
 * pool bounds the measurable rate at POOL per iteration (600,000/s with 2 s iterations); a faster run fails loudly.
 */
@Fork(jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class ReserveConfirmBenchmark {
  private static final int POOL = 1_200_000;

  private Coupons coupons;
  private CustomerId buyer;
  private String[] orderIds;
  private List<String>[] codes;
  private int next;

  @Setup(Level.Iteration)
  @SuppressWarnings("unchecked")
  public void setUp() {
    coupons = BenchFixtures.engine(POOL);
    buyer = CustomerId.of("buyer");
    CampaignId c = BenchFixtures.campaign(coupons, "rc", BenchFixtures.template("mj", Benefit.threshold(100_00,
        10_00), Stacking.shop("mj")), POOL, Integer.MAX_VALUE);
    codes = new List[POOL];
    orderIds = new String[POOL];
    for (int i = 0; i < POOL; i++) {
      orderIds[i] = "order-" + i;
      IssueResult r = coupons.issuance().issue(c, buyer, "pool", Actor.system("bench"), "p" + i);
      codes[i] = List.of(((IssueResult.Issued) r).coupon().code().value());
    }
    next = 0;
    // the previous iteration's engine is garbage: collect it here rather than inside the measurement
    System.gc();
  }

  @Benchmark
  @Threads(1)
  public Settlement reserveAndConfirm() {
    int i = next++;
    if (i >= POOL) {
      throw new IllegalStateException("coupon pool of " + POOL + " exhausted: raise POOL or shorten iterations");
    }
    Order order = BenchFixtures.threeLineOrder(buyer, orderIds[i]);
    ReserveResult r = coupons.redemption().reserve(order, codes[i], Duration.ofMinutes(15), "r" + i);
    Settlement s = coupons.redemption().confirm(((ReserveResult.Reserved) r).reservationId());
    if (s.status() != Settlement.Status.CONFIRMED) {
      throw new IllegalStateException("confirm must succeed, but was " + s.status());
    }
    return s;
  }
}
