package io.github.scrm.coupons.redemption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.money.Percent;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.campaign.Coupon;
import io.github.scrm.coupons.campaign.CouponStatus;
import io.github.scrm.coupons.code.CouponCode;
import io.github.scrm.coupons.order.Order;
import io.github.scrm.coupons.order.OrderLine;
import io.github.scrm.coupons.template.Benefit;
import io.github.scrm.coupons.template.CouponTemplate;
import io.github.scrm.coupons.template.Scope;
import io.github.scrm.coupons.template.ScopeKind;
import io.github.scrm.coupons.template.ScopeRule;
import io.github.scrm.coupons.template.Stacking;
import io.github.scrm.coupons.template.ThresholdBase;
import io.github.scrm.coupons.template.Validity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class PricingProperties {

  @Test
  void largestRemainder_partsSumExactly_andNoPartExceedsItsWeight() {
    qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      int n = 1 + r.nextInt(12);
      long[] w = new long[n];
      boolean[] include = new boolean[n];
      long total = 0;
      for (int i = 0; i < n; i++) {
        w[i] = r.nextInt(4) == 0 ? 0 : r.nextLong(1, 1_000_000_00L);
        include[i] = r.nextInt(5) != 0;
        total += include[i] ? w[i] : 0;
      }
      long amount = total == 0 ? 0 : r.nextLong(0, total + 1);
      long[] out = new long[n];
      LargestRemainder.split(amount, w, include, out);
      long sum = 0;
      for (int i = 0; i < n; i++) {
        assertThat(out[i]).isBetween(0L, include[i] ? w[i] : 0L);
        sum += out[i];
      }
      assertThat(sum).isEqualTo(amount);
    });
  }

  @Test
  void anyCombination_discountNeverExceedsEligibleAmount_payableNeverBelowFloor_allocationsSumExactly() {
    qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      Order order = randomOrder(r);
      long floor = r.nextInt(3) == 0 ? r.nextLong(0, 5_000) : 0;
      List<Candidate> cs = randomCandidates(r, order, 1 + r.nextInt(5));
      cs.sort(Candidate.APPLICATION_ORDER);
      Pricer.Priced p = Pricer.price(order, cs, floor, List.of());
      long goods = order.netFen();
      long goodsDiscount = 0;
      for (int i = 0; i < cs.size(); i++) {
        AppliedCoupon a = p.quote().applied().get(i);
        long sum = a.allocation().values().stream().mapToLong(Money::minorUnits).sum();
        assertThat(sum).isEqualTo(a.discount().minorUnits());
        if (!cs.get(i).template.benefit().shipping()) {
          goodsDiscount += a.discount().minorUnits();
          long eligible = 0;
          for (int l = 0; l < order.lines().size(); l++) {
            eligible += cs.get(i).eligible[l] ? order.lines().get(l).netFen() : 0;
          }
          assertThat(a.discount().minorUnits()).isLessThanOrEqualTo(eligible);
        }
      }
      long goodsPayable = goods - goodsDiscount;
      assertThat(goodsPayable).isGreaterThanOrEqualTo(Math.min(floor, goods));
      assertThat(p.quote().payable().minorUnits()).isGreaterThanOrEqualTo(Math.min(floor, goods));
    });
  }

  @Test
  void bestCombination_isAtLeastAsGoodAsEveryValidCombinationFoundByBruteForce() {
    qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      Order order = randomOrder(r);
      List<Candidate> cs = randomCandidates(r, order, 1 + r.nextInt(8));
      cs.sort(Candidate.APPLICATION_ORDER);
      int max = 1 + r.nextInt(4);
      PricingState start = new PricingState(order, 0);
      List<Integer> best = BestCombination.search(cs, start, max);
      long bestDiscount = total(order, cs, best);
      assertThat(valid(cs, best, max)).isTrue();
      for (int mask = 0; mask < (1 << cs.size()); mask++) {
        List<Integer> subset = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
          if ((mask & (1 << i)) != 0) {
            subset.add(i);
          }
        }
        if (valid(cs, subset, max)) {
          assertThat(bestDiscount).isGreaterThanOrEqualTo(total(order, cs, subset));
        }
      }
    });
  }

  private static long total(Order order, List<Candidate> cs, List<Integer> picked) {
    PricingState s = new PricingState(order, 0);
    long[] scratch = new long[order.lines().size()];
    long sum = 0;
    for (int i : picked) {
      sum += s.apply(cs.get(i), scratch);
    }
    return sum;
  }

  private static boolean valid(List<Candidate> cs, List<Integer> picked, int max) {
    if (picked.size() > max) {
      return false;
    }
    for (int i : picked) {
      if (cs.get(i).stacking.exclusive() && picked.size() > 1) {
        return false;
      }
      for (int j : picked) {
        if (i < j && cs.get(i).stacking.group().equals(cs.get(j).stacking.group())) {
          return false;
        }
      }
    }
    return true;
  }

  static Order randomOrder(SplittableRandom r) {
    int n = 1 + r.nextInt(6);
    List<OrderLine> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long price = r.nextLong(0, 500_00);
      long qty = 1 + r.nextInt(3);
      long other = r.nextInt(3) == 0 ? r.nextLong(0, price * qty + 1) : 0;
      lines.add(new OrderLine("L" + i, "sku" + i, r.nextBoolean() ? "food" : "toys", r.nextBoolean() ? "a" : "b",
          Money.fen(price), qty, Money.fen(other)));
    }
    return new Order("o", CustomerId.of("alice"), "s1", "app", Money.CNY, lines, Money.fen(r.nextLong(0, 20_00)));
  }

  static List<Candidate> randomCandidates(SplittableRandom r, Order order, int n) {
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Benefit b = switch (r.nextInt(6)) {
        case 0 -> Benefit.threshold(r.nextLong(100, 1_000_00), 0);
        case 1 -> new Benefit.Repeating(Money.fen(r.nextLong(100_00, 300_00)), Money.fen(r.nextLong(1_00, 50_00)),
            r.nextBoolean() ? Optional.empty() : Optional.of(Money.fen(r.nextLong(50_00, 200_00))));
        case 2 -> new Benefit.Percentage(Percent.ofBasisPoints(r.nextInt(1, 10_000)),
            r.nextBoolean() ? Optional.empty() : Optional.of(Money.fen(r.nextLong(1, 500_00))),
            r.nextBoolean() ? Optional.empty() : Optional.of(Money.fen(r.nextLong(1, 100_00))));
        case 3 -> Benefit.noThreshold(r.nextLong(1, 100_00));
        case 4 -> new Benefit.FreeShipping(Optional.empty(), Optional.empty());
        default -> new Benefit.Tiered(List.of(Benefit.Tier.of(100_00, 10_00), Benefit.Tier.of(300_00, 40_00)));
      };
      if (b instanceof Benefit.Threshold t) {
        long threshold = t.threshold().minorUnits();
        b = Benefit.threshold(threshold, r.nextLong(1, threshold));
      }
      Scope scope = r.nextInt(3) == 0 ? Scope.of(ScopeRule.include(ScopeKind.CATEGORY, "food")) : Scope.wholeOrder();
      Stacking.Level level = r.nextBoolean() ? Stacking.Level.SHOP : Stacking.Level.PLATFORM;
      CouponTemplate t = CouponTemplate.builder().id("t" + i).name("t" + i).benefit(b).scope(scope)
          .thresholdBase(r.nextInt(4) == 0 ? ThresholdBase.BEFORE_DISCOUNTS : ThresholdBase.AFTER_DISCOUNTS)
          .validity(new Validity.DaysAfterIssue(1))
          .stacking(new Stacking("g" + r.nextInt(4), level, r.nextInt(6) == 0)).build();
      Coupon c = new Coupon(new CouponCode("C" + i), CampaignId.of("c"), "b", order.customer(), Instant.EPOCH,
          Instant.EPOCH, Instant.MAX, CouponStatus.AVAILABLE, Optional.empty(), false, false, 0);
      out.add(new Candidate(c, t, order));
    }
    return out;
  }
}
