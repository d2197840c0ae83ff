package io.github.scrm.benchmarks.coupons;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.money.Percent;
import io.github.scrm.coupons.Coupons;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.issuance.IssueResult;
import io.github.scrm.coupons.order.Order;
import io.github.scrm.coupons.redemption.Quote;
import io.github.scrm.coupons.template.Benefit;
import io.github.scrm.coupons.template.Stacking;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Validates a 10-line order against 10 candidate coupons (threshold, repeating, tiered, percentage, no-threshold and
 * free shipping; shop and platform; four stacking groups; one exclusive) and picks the best combination.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class BestCombinationBenchmark {
  private Coupons coupons;
  private Order order;
  private List<String> codes;

  @Setup
  public void setUp() {
    coupons = BenchFixtures.engine();
    CustomerId alice = CustomerId.of("alice");
    List<Benefit> benefits = List.of(
        Benefit.threshold(100_00, 10_00),
        Benefit.threshold(300_00, 50_00),
        new Benefit.Repeating(Money.fen(100_00), Money.fen(8_00), Optional.of(Money.fen(40_00))),
        new Benefit.Tiered(List.of(Benefit.Tier.of(200_00, 20_00), Benefit.Tier.of(400_00, 45_00))),
        new Benefit.Percentage(Percent.of(90), Optional.of(Money.fen(150_00)), Optional.of(Money.fen(60_00))),
        Benefit.noThreshold(5_00),
        new Benefit.FreeShipping(Optional.of(Money.fen(99_00)), Optional.of(Money.fen(10_00))),
        Benefit.threshold(200_00, 30_00),
        new Benefit.Percentage(Percent.of(95), Optional.empty(), Optional.of(Money.fen(30_00))),
        Benefit.threshold(500_00, 80_00));
    String[] groups = {"full", "full", "repeat", "tier", "pct", "free", "ship", "full", "pct", "full"};
    codes = new ArrayList<>();
    for (int i = 0; i < benefits.size(); i++) {
      Stacking s = new Stacking(groups[i], i % 3 == 0 ? Stacking.Level.PLATFORM : Stacking.Level.SHOP, i == 9);
      CampaignId c = BenchFixtures.campaign(coupons, "c" + i, BenchFixtures.template("t" + i, benefits.get(i), s),
          1_000, 10);
      codes.add(((IssueResult.Issued) coupons.issuance().claim(c, alice, "k" + i)).coupon().code().value());
    }
    order = BenchFixtures.tenLineOrder(alice, "o-1").withShipping(Money.fen(8_00));
    Quote q = coupons.redemption().best(order, codes);
    if (q.applied().isEmpty()) {
      throw new IllegalStateException("benchmark order must use coupons, but the best combination was empty");
    }
  }

  @Benchmark
  public Quote validateAndPickBest() {
    return coupons.redemption().best(order, codes);
  }
}
