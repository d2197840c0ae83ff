package io.github.scrm.coupons.template;

import io.github.scrm.core.money.Money;
import io.github.scrm.core.money.Percent;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a coupon gives, exact in minor units (fen). Every kind computes its discount from two amounts: the
 * <em>threshold base</em> (the eligible amount the threshold is compared with, before or after other discounts as the
 * template says) and the <em>discount base</em> (the eligible amount still payable, which a discount never exceeds).
 *
 * <p>Rounding: only {@link Percentage} divides; its discount is rounded <em>down</em> to a whole fen, so the customer
 * pays the exact rate rounded up (a 85折 on ¥99.99 gives ¥14.99 off, the customer pays ¥85.00).
 */
public sealed interface Benefit {

  /** The discount in minor units for the given bases and shipping fee; zero when the threshold is not reached. */
  long discount(long thresholdBase, long discountBase, long shipping);

  /** The lowest threshold base that gives any discount (zero for kinds without a threshold). */
  long minimumSpend();

  /** The largest discount one coupon can give, or empty when it is unbounded (an uncapped percentage). */
  OptionalLong worstCase();

  /** Whether the coupon gives value without any minimum spend (无门槛). */
  default boolean noThreshold() {
    return minimumSpend() == 0;
  }

  /** Whether the coupon discounts the shipping fee rather than the goods. */
  default boolean shipping() {
    return false;
  }

  /** Every problem with the amounts, for template validation. */
  List<String> problems(Currency currency);

  /** 满减: a threshold base of at least {@code threshold} gives {@code amount} off. */
  static Benefit threshold(long thresholdFen, long amountFen) {
    return new Threshold(Money.fen(thresholdFen), Money.fen(amountFen));
  }

  /** 无门槛: {@code amount} off any order. */
  static Benefit noThreshold(long amountFen) {
    return new NoThreshold(Money.fen(amountFen));
  }

  /** 满减: spend at least {@code threshold}, get {@code amount} off. */
  record Threshold(Money threshold, Money amount) implements Benefit {
    @Override
    public long discount(long thresholdBase, long discountBase, long shipping) {
      return thresholdBase >= threshold.minorUnits() ? Math.min(amount.minorUnits(), discountBase) : 0;
    }

    @Override
    public long minimumSpend() {
      return threshold.minorUnits();
    }

    @Override
    public OptionalLong worstCase() {
      return OptionalLong.of(amount.minorUnits());
    }

    @Override
    public List<String> problems(Currency currency) {
      List<String> p = new ArrayList<>();
      positive(p, "threshold", threshold, currency);
      positive(p, "amount", amount, currency);
      if (amount.minorUnits() >= threshold.minorUnits() && threshold.minorUnits() > 0) {
        p.add("amount must be below the threshold, but was " + amount + " for a threshold of " + threshold);
      }
      return p;
    }
  }

  /** 每满减: every full {@code step} of the threshold base gives {@code amount}, at most {@code cap} (封顶). */
  record Repeating(Money step, Money amount, Optional<Money> cap) implements Benefit {
    /** Null checks. */
    public Repeating {
      Objects.requireNonNull(cap, "cap");
    }

    @Override
    public long discount(long thresholdBase, long discountBase, long shipping) {
      long times = thresholdBase / step.minorUnits();
      long d = Math.multiplyExact(times, amount.minorUnits());
      if (cap.isPresent()) {
        d = Math.min(d, cap.get().minorUnits());
      }
      return Math.min(d, discountBase);
    }

    @Override
    public long minimumSpend() {
      return step.minorUnits();
    }

    @Override
    public OptionalLong worstCase() {
      return cap.map(c -> OptionalLong.of(c.minorUnits())).orElse(OptionalLong.empty());
    }

    @Override
    public List<String> problems(Currency currency) {
      List<String> p = new ArrayList<>();
      positive(p, "step", step, currency);
      positive(p, "amount", amount, currency);
      cap.ifPresent(c -> positive(p, "cap", c, currency));
      if (amount.minorUnits() >= step.minorUnits() && step.minorUnits() > 0) {
        p.add("amount must be below the step, but was " + amount + " for a step of " + step);
      }
      if (cap.isPresent() && cap.get().minorUnits() < amount.minorUnits()) {
        p.add("cap must be at least the amount, but was " + cap.get() + " for an amount of " + amount);
      }
      return p;
    }
  }

  /** One step of a {@link Tiered} coupon. */
  record Tier(Money threshold, Money amount) {
    /** A tier in fen. */
    public static Tier of(long thresholdFen, long amountFen) {
      return new Tier(Money.fen(thresholdFen), Money.fen(amountFen));
    }
  }

  /** 阶梯: the highest tier whose threshold the base reaches applies (300→30, 500→60, 1000→150). */
  record Tiered(List<Tier> tiers) implements Benefit {
    /** Copies the tiers. */
    public Tiered {
      tiers = List.copyOf(tiers);
    }

    @Override
    public long discount(long thresholdBase, long discountBase, long shipping) {
      long d = 0;
      for (Tier t : tiers) {
        if (thresholdBase >= t.threshold().minorUnits()) {
          d = Math.max(d, t.amount().minorUnits());
        }
      }
      return Math.min(d, discountBase);
    }

    @Override
    public long minimumSpend() {
      return tiers.isEmpty() ? 0 : tiers.get(0).threshold().minorUnits();
    }

    @Override
    public OptionalLong worstCase() {
      return OptionalLong.of(tiers.stream().mapToLong(t -> t.amount().minorUnits()).max().orElse(0));
    }

    @Override
    public List<String> problems(Currency currency) {
      List<String> p = new ArrayList<>();
      if (tiers.isEmpty()) {
        p.add("tiers must not be empty");
      }
      for (int i = 0; i < tiers.size(); i++) {
        Tier t = tiers.get(i);
        positive(p, "tier " + i + " threshold", t.threshold(), currency);
        positive(p, "tier " + i + " amount", t.amount(), currency);
        if (t.amount().minorUnits() >= t.threshold().minorUnits() && t.threshold().minorUnits() > 0) {
          p.add("tier " + i + " amount must be below its threshold, but was " + t.amount() + " for " + t.threshold());
        }
        if (i > 0 && t.threshold().minorUnits() <= tiers.get(i - 1).threshold().minorUnits()) {
          p.add("tier thresholds must increase, but tier " + i + " has " + t.threshold() + " after "
              + tiers.get(i - 1).threshold());
        }
        if (i > 0 && t.amount().minorUnits() <= tiers.get(i - 1).amount().minorUnits()) {
          p.add("tier amounts must increase, but tier " + i + " has " + t.amount() + " after "
              + tiers.get(i - 1).amount());
        }
      }
      return p;
    }
  }

  /**
   * 折扣: the customer pays {@code payRate} of the discount base (8500 basis points is 85折, 15% off), optionally only
   * from a threshold and up to {@code maxDiscount} (最高优惠). The discount is rounded down to a whole fen.
   */
  record Percentage(Percent payRate, Optional<Money> threshold, Optional<Money> maxDiscount) implements Benefit {
    /** Null checks. */
    public Percentage {
      Objects.requireNonNull(payRate, "payRate");
      Objects.requireNonNull(threshold, "threshold");
      Objects.requireNonNull(maxDiscount, "maxDiscount");
    }

    @Override
    public long discount(long thresholdBase, long discountBase, long shipping) {
      if (threshold.isPresent() && thresholdBase < threshold.get().minorUnits()) {
        return 0;
      }
      long off = Percent.BASIS_POINTS_PER_WHOLE - payRate.basisPoints();
      long d = Math.multiplyExact(discountBase, off) / Percent.BASIS_POINTS_PER_WHOLE;
      if (maxDiscount.isPresent()) {
        d = Math.min(d, maxDiscount.get().minorUnits());
      }
      return Math.min(d, discountBase);
    }

    @Override
    public long minimumSpend() {
      return threshold.map(Money::minorUnits).orElse(0L);
    }

    @Override
    public OptionalLong worstCase() {
      return maxDiscount.map(m -> OptionalLong.of(m.minorUnits())).orElse(OptionalLong.empty());
    }

    @Override
    public List<String> problems(Currency currency) {
      List<String> p = new ArrayList<>();
      if (payRate.basisPoints() <= 0 || payRate.basisPoints() >= Percent.BASIS_POINTS_PER_WHOLE) {
        p.add("pay rate must be between 0% and 100% exclusive, but was " + payRate);
      }
      threshold.ifPresent(t -> positive(p, "threshold", t, currency));
      maxDiscount.ifPresent(m -> positive(p, "max discount", m, currency));
      return p;
    }
  }

  /** 无门槛: {@code amount} off, no minimum spend (still never more than the eligible amount). */
  record NoThreshold(Money amount) implements Benefit {
    @Override
    public long discount(long thresholdBase, long discountBase, long shipping) {
      return Math.min(amount.minorUnits(), discountBase);
    }

    @Override
    public long minimumSpend() {
      return 0;
    }

    @Override
    public OptionalLong worstCase() {
      return OptionalLong.of(amount.minorUnits());
    }

    @Override
    public List<String> problems(Currency currency) {
      List<String> p = new ArrayList<>();
      positive(p, "amount", amount, currency);
      return p;
    }
  }

  /** 包邮: the shipping fee off, optionally from a threshold and up to {@code maxDiscount}. */
  record FreeShipping(Optional<Money> threshold, Optional<Money> maxDiscount) implements Benefit {
    /** Null checks. */
    public FreeShipping {
      Objects.requireNonNull(threshold, "threshold");
      Objects.requireNonNull(maxDiscount, "maxDiscount");
    }

    @Override
    public long discount(long thresholdBase, long discountBase, long shipping) {
      if (threshold.isPresent() && thresholdBase < threshold.get().minorUnits()) {
        return 0;
      }
      return maxDiscount.map(m -> Math.min(m.minorUnits(), shipping)).orElse(shipping);
    }

    @Override
    public long minimumSpend() {
      return threshold.map(Money::minorUnits).orElse(0L);
    }

    @Override
    public OptionalLong worstCase() {
      return maxDiscount.map(m -> OptionalLong.of(m.minorUnits())).orElse(OptionalLong.empty());
    }

    @Override
    public boolean shipping() {
      return true;
    }

    @Override
    public List<String> problems(Currency currency) {
      List<String> p = new ArrayList<>();
      threshold.ifPresent(t -> positive(p, "threshold", t, currency));
      maxDiscount.ifPresent(m -> positive(p, "max discount", m, currency));
      return p;
    }
  }

  private static void positive(List<String> problems, String what, Money value, Currency currency) {
    if (!value.currency().equals(currency)) {
      problems.add(what + " must be in " + currency + ", but was " + value);
    } else if (value.minorUnits() <= 0) {
      problems.add(what + " must be positive, but was " + value);
    }
  }
}
