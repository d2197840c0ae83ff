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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;

/**
 * A companion to the JMH benchmarks for shared, overloaded machines: runs the claim and reserve+confirm workloads in
 * a loop and reports operations per second of wall time and per second of the working thread's CPU time (which
 * leaves out time the thread spent waiting for a core, and also garbage collection on other threads). Run with
 * {@code java -Xms2g -Xmx2g -cp examples/benchmarks/target/benchmarks.jar
 * io.github.scrm.benchmarks.coupons.CpuTimeProbe}.
 */
public final class CpuTimeProbe {
  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

  private CpuTimeProbe() {}

  /** Five rounds of each workload; the first rounds are warm-up. */
  public static void main(String[] args) {
    for (int round = 1; round <= 5; round++) {
      claims(round);
    }
    for (int round = 1; round <= 5; round++) {
      reserveConfirm(round);
    }
  }

  private static void claims(int round) {
    int n = 500_000;
    Coupons coupons = BenchFixtures.engine(n);
    CampaignId c = BenchFixtures.campaign(coupons, "claims", BenchFixtures.template("mj",
        Benefit.threshold(300_00, 50_00), Stacking.shop("mj")), n, Integer.MAX_VALUE);
    CustomerId[] customers = new CustomerId[100_000];
    for (int i = 0; i < customers.length; i++) {
      customers[i] = CustomerId.of("c" + i);
    }
    long wall = System.nanoTime();
    long cpu = MX.getCurrentThreadCpuTime();
    for (int i = 0; i < n; i++) {
      coupons.issuance().claim(c, customers[i % customers.length], "k" + i);
    }
    report("claims with code generation", round, n, wall, cpu);
    if (coupons.store().counters(c).issued() != n) {
      throw new IllegalStateException("expected " + n + " issued");
    }
  }

  private static void reserveConfirm(int round) {
    int n = 300_000;
    Coupons coupons = BenchFixtures.engine(n);
    CustomerId buyer = CustomerId.of("buyer");
    CampaignId c = BenchFixtures.campaign(coupons, "rc", BenchFixtures.template("mj",
        Benefit.threshold(100_00, 10_00), Stacking.shop("mj")), n, Integer.MAX_VALUE);
    @SuppressWarnings("unchecked")
    List<String>[] codes = new List[n];
    for (int i = 0; i < n; i++) {
      IssueResult r = coupons.issuance().issue(c, buyer, "pool", Actor.system("probe"), "p" + i);
      codes[i] = List.of(((IssueResult.Issued) r).coupon().code().value());
    }
    String[] orderIds = new String[n];
    for (int i = 0; i < n; i++) {
      orderIds[i] = "order-" + i;
    }
    long wall = System.nanoTime();
    long cpu = MX.getCurrentThreadCpuTime();
    for (int i = 0; i < n; i++) {
      // an order holds one live reservation: each checkout is an order of its own
      Order order = BenchFixtures.threeLineOrder(buyer, orderIds[i]);
      ReserveResult r = coupons.redemption().reserve(order, codes[i], Duration.ofMinutes(15), "r" + i);
      Settlement s = coupons.redemption().confirm(((ReserveResult.Reserved) r).reservationId());
      if (s.status() != Settlement.Status.CONFIRMED) {
        throw new IllegalStateException("confirm must succeed, but was " + s.status());
      }
    }
    report("reserve + confirm", round, n, wall, cpu);
  }

  private static void report(String what, int round, int n, long wallStart, long cpuStart) {
    double wall = (System.nanoTime() - wallStart) / 1e9;
    double cpu = (MX.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    System.out.printf("%-28s round %d: %,10.0f ops/s wall, %,10.0f ops/s thread CPU%n", what, round, n / wall,
        n / cpu);
  }
}
