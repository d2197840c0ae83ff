package io.github.scrm.coupons.guardrail;

import io.github.scrm.core.money.Money;
import io.github.scrm.core.money.Percent;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.template.Benefit;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The policies that stand between an operator's slip and a flood of expensive coupons. On by default
 * ({@link #defaults()}); every cap is configurable with {@link #builder()}. A campaign above a cap waits for a second,
 * different operator's approval; an uncapped percentage or repeating coupon is refused unless explicitly allowed.
 *
 * <p>A coupon without a cap (percentage without 最高优惠, repeating without 封顶, free shipping without a maximum) has an
 * unbounded worst case, and a campaign's {@code maxLiability} does not bound it (the budget counts face values at
 * issue, and such a coupon has none): its liability counts as above {@code maxLiability}, so it always needs
 * approval, whatever the campaign's budget. Bound what such coupons grant with the campaign's
 * {@code maxDiscountGranted}, which redemption enforces.
 *
 * <p>Defaults: face value ≤ ¥200; value ≤ 80% of the threshold; no-threshold value ≤ ¥20; validity ≤ 90 days;
 * quantity ≤ 100,000; worst-case liability ≤ ¥500,000; uncapped percentage and uncapped repeating refused; circuit
 * breaker at 1,000 redemptions per minute per campaign.
 */
public final class Guardrails {
  private final Money maxFaceValue;
  private final Percent maxValueToThreshold;
  private final Money maxNoThresholdValue;
  private final Duration maxValidity;
  private final long maxQuantity;
  private final Money maxLiability;
  private final boolean allowUncappedPercentage;
  private final boolean allowUncappedRepeating;
  private final Optional<SpeedLimit> speedLimit;

  private Guardrails(Builder b) {
    this.maxFaceValue = b.maxFaceValue;
    this.maxValueToThreshold = b.maxValueToThreshold;
    this.maxNoThresholdValue = b.maxNoThresholdValue;
    this.maxValidity = b.maxValidity;
    this.maxQuantity = b.maxQuantity;
    this.maxLiability = b.maxLiability;
    this.allowUncappedPercentage = b.allowUncappedPercentage;
    this.allowUncappedRepeating = b.allowUncappedRepeating;
    this.speedLimit = b.speedLimit;
  }

  /** The defaults listed above. */
  public static Guardrails defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The circuit breaker's trigger, if on. */
  public Optional<SpeedLimit> speedLimit() {
    return speedLimit;
  }

  /** Every guardrail {@code campaign} breaks; empty when it may start without approval. */
  public List<Violation> check(Campaign campaign, ZoneId zone) {
    List<Violation> v = new ArrayList<>();
    Benefit benefit = campaign.template().benefit();
    OptionalLong face = benefit.worstCase();
    if (face.isEmpty() && benefit instanceof Benefit.Percentage && !allowUncappedPercentage) {
      v.add(new Violation("uncappedPercentage", Violation.Severity.REFUSED,
          "a percentage coupon must have a maximum discount unless uncapped percentages are allowed, but had none"));
    }
    if (face.isEmpty() && benefit instanceof Benefit.Repeating && !allowUncappedRepeating) {
      v.add(new Violation("uncappedRepeating", Violation.Severity.REFUSED,
          "a repeating coupon must have a cap unless uncapped repeating coupons are allowed, but had none"));
    }
    if (face.isPresent() && face.getAsLong() > maxFaceValue.minorUnits()) {
      v.add(approval("maxFaceValue", "face value must be at most " + maxFaceValue + ", but was "
          + Money.fen(face.getAsLong())));
    }
    if (benefit.noThreshold() && !benefit.shipping()
        && (face.isEmpty() || face.getAsLong() > maxNoThresholdValue.minorUnits())) {
      v.add(approval("maxNoThresholdValue", "a no-threshold coupon must be worth at most " + maxNoThresholdValue
          + ", but was " + (face.isEmpty() ? "unbounded" : Money.fen(face.getAsLong()))));
    }
    ratio(benefit).ifPresent(v::add);
    Duration validity = campaign.template().validity().maximumLength(zone);
    if (validity.compareTo(maxValidity) > 0) {
      v.add(approval("maxValidity", "validity must be at most " + maxValidity.toDays() + " days, but was "
          + validity.toDays() + " days"));
    }
    if (campaign.stock() > maxQuantity) {
      v.add(approval("maxQuantity", "quantity must be at most " + maxQuantity + ", but was " + campaign.stock()));
    }
    OptionalLong liability = liability(face, campaign);
    if (liability.isEmpty() || liability.getAsLong() > maxLiability.minorUnits()) {
      v.add(approval("maxLiability", "worst-case liability must be at most " + maxLiability + ", but was "
          + (liability.isEmpty() ? "unbounded" : Money.fen(liability.getAsLong()))
          + (liability.isEmpty() && campaign.maxLiability().isPresent() ? " (the campaign's max liability of "
              + campaign.maxLiability().get() + " cannot bound a coupon without a cap)" : "")));
    }
    return v;
  }

  /** Face × stock, capped by the campaign's budget; empty (unbounded) for a coupon without a cap, budget or not. */
  private static OptionalLong liability(OptionalLong face, Campaign campaign) {
    if (face.isEmpty()) {
      return OptionalLong.empty();
    }
    long worst = sat(face.getAsLong(), campaign.stock());
    return OptionalLong.of(campaign.maxLiability().map(m -> Math.min(m.minorUnits(), worst)).orElse(worst));
  }

  static long sat(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
  }

  private Optional<Violation> ratio(Benefit benefit) {
    long limitBp = maxValueToThreshold.basisPoints();
    List<long[]> pairs = new ArrayList<>();
    if (benefit instanceof Benefit.Threshold t) {
      pairs.add(new long[] {t.amount().minorUnits(), t.threshold().minorUnits()});
    } else if (benefit instanceof Benefit.Repeating r) {
      pairs.add(new long[] {r.amount().minorUnits(), r.step().minorUnits()});
    } else if (benefit instanceof Benefit.Tiered t) {
      t.tiers().forEach(x -> pairs.add(new long[] {x.amount().minorUnits(), x.threshold().minorUnits()}));
    }
    for (long[] p : pairs) {
      if (p[0] * Percent.BASIS_POINTS_PER_WHOLE > p[1] * limitBp) {
        return Optional.of(approval("maxValueToThreshold", "value must be at most " + maxValueToThreshold
            + " of the threshold, but was " + Money.fen(p[0]) + " for " + Money.fen(p[1])));
      }
    }
    return Optional.empty();
  }

  private static Violation approval(String rule, String message) {
    return new Violation(rule, Violation.Severity.NEEDS_APPROVAL, message);
  }

  /** Builds {@link Guardrails}; starts from the defaults. */
  public static final class Builder {
    private Money maxFaceValue = Money.fen(200_00);
    private Percent maxValueToThreshold = Percent.of(80);
    private Money maxNoThresholdValue = Money.fen(20_00);
    private Duration maxValidity = Duration.ofDays(90);
    private long maxQuantity = 100_000;
    private Money maxLiability = Money.fen(500_000_00);
    private boolean allowUncappedPercentage;
    private boolean allowUncappedRepeating;
    private Optional<SpeedLimit> speedLimit = Optional.of(new SpeedLimit(1_000, Duration.ofMinutes(1)));

    private Builder() {}

    /** The largest face value without approval. */
    public Builder maxFaceValue(Money value) {
      this.maxFaceValue = Objects.requireNonNull(value, "value");
      return this;
    }

    /** The largest value as a share of the threshold without approval (80% by default). */
    public Builder maxValueToThreshold(Percent share) {
      this.maxValueToThreshold = Objects.requireNonNull(share, "share");
      return this;
    }

    /** The largest no-threshold value without approval. */
    public Builder maxNoThresholdValue(Money value) {
      this.maxNoThresholdValue = Objects.requireNonNull(value, "value");
      return this;
    }

    /** The longest validity without approval. */
    public Builder maxValidity(Duration validity) {
      this.maxValidity = Objects.requireNonNull(validity, "validity");
      return this;
    }

    /** The largest stock without approval. */
    public Builder maxQuantity(long quantity) {
      this.maxQuantity = quantity;
      return this;
    }

    /** The largest worst-case liability without approval. */
    public Builder maxLiability(Money liability) {
      this.maxLiability = Objects.requireNonNull(liability, "liability");
      return this;
    }

    /** Whether percentage coupons without a maximum discount may be created at all. */
    public Builder allowUncappedPercentage(boolean allow) {
      this.allowUncappedPercentage = allow;
      return this;
    }

    /**
     * Whether repeating coupons (每满减) without a cap (封顶) may be created at all; even then they need approval,
     * as their liability is unbounded.
     */
    public Builder allowUncappedRepeating(boolean allow) {
      this.allowUncappedRepeating = allow;
      return this;
    }

    /** The circuit breaker's trigger, or empty to switch it off. */
    public Builder speedLimit(Optional<SpeedLimit> limit) {
      this.speedLimit = Objects.requireNonNull(limit, "limit");
      return this;
    }

    /** The guardrails. */
    public Guardrails build() {
      return new Guardrails(this);
    }
  }
}
