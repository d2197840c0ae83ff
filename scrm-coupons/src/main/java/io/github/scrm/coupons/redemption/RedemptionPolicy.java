package io.github.scrm.coupons.redemption;

import io.github.scrm.core.money.Money;
import java.time.Duration;
import java.util.Objects;

/**
 * How redemption and refunds behave. {@link #defaults()}: payable floor ¥0.00, at most 3 coupons per order, a 15
 * minute reservation TTL, restore a fully refunded coupon if it is still valid, claw back the discount of kept lines
 * that fall below a threshold.
 *
 * @param payableFloor the goods payable never goes below this amount
 * @param maxCouponsPerOrder the most coupons one order may use
 * @param reservationTtl how long a reservation holds its coupons by default
 * @param restore what a full refund does to the coupons
 * @param restoreValidity with {@link Restore#WITH_NEW_EXPIRY}, how long a restored coupon stays valid
 * @param belowThreshold what a partial refund does when the kept lines fall below a coupon's threshold
 */
public record RedemptionPolicy(
    Money payableFloor,
    int maxCouponsPerOrder,
    Duration reservationTtl,
    Restore restore,
    Duration restoreValidity,
    BelowThreshold belowThreshold) {

  /** What a full refund does to the coupons it used; a coupon of a revoked campaign stays used whatever the policy. */
  public enum Restore {
    /** Make the coupon usable again if its window has not ended. */
    IF_STILL_VALID,
    /**
     * Make it usable again for {@code restoreValidity} from the refund, never beyond the campaign's end; after the
     * campaign has ended the coupon stays used.
     */
    WITH_NEW_EXPIRY,
    /** Never give the coupon back. */
    NEVER
  }

  /** What a partial refund does when the kept lines fall below a coupon's threshold. */
  public enum BelowThreshold {
    /**
     * Take back the part of the discount the kept lines no longer earn (deducted from the refund): below the
     * threshold, down to a lower tier or fewer repeating steps.
     */
    CLAW_BACK,
    /** Let the customer keep the discount. */
    KEEP
  }

  /** Validates the values. */
  public RedemptionPolicy {
    Objects.requireNonNull(payableFloor, "payableFloor");
    Objects.requireNonNull(reservationTtl, "reservationTtl");
    Objects.requireNonNull(restore, "restore");
    Objects.requireNonNull(restoreValidity, "restoreValidity");
    Objects.requireNonNull(belowThreshold, "belowThreshold");
    if (payableFloor.isNegative()) {
      throw new IllegalArgumentException("payable floor must not be negative, but was " + payableFloor);
    }
    if (maxCouponsPerOrder < 1 || maxCouponsPerOrder > BestCombination.EXACT_LIMIT) {
      throw new IllegalArgumentException("max coupons per order must be between 1 and " + BestCombination.EXACT_LIMIT
          + ", but was " + maxCouponsPerOrder);
    }
    if (reservationTtl.isNegative() || reservationTtl.isZero()) {
      throw new IllegalArgumentException("reservation TTL must be positive, but was " + reservationTtl);
    }
    if (restoreValidity.isNegative() || restoreValidity.isZero()) {
      throw new IllegalArgumentException("restore validity must be positive, but was " + restoreValidity);
    }
  }

  /** The defaults described above. */
  public static RedemptionPolicy defaults() {
    return new RedemptionPolicy(Money.fen(0), 3, Duration.ofMinutes(15), Restore.IF_STILL_VALID,
        Duration.ofDays(7), BelowThreshold.CLAW_BACK);
  }

  /** A copy with another payable floor. */
  public RedemptionPolicy withPayableFloor(Money floor) {
    return new RedemptionPolicy(floor, maxCouponsPerOrder, reservationTtl, restore, restoreValidity, belowThreshold);
  }

  /** A copy with another maximum of coupons per order. */
  public RedemptionPolicy withMaxCouponsPerOrder(int max) {
    return new RedemptionPolicy(payableFloor, max, reservationTtl, restore, restoreValidity, belowThreshold);
  }

  /** A copy with another restore policy. */
  public RedemptionPolicy withRestore(Restore r, Duration validity) {
    return new RedemptionPolicy(payableFloor, maxCouponsPerOrder, reservationTtl, r, validity, belowThreshold);
  }

  /** A copy with another below-threshold policy. */
  public RedemptionPolicy withBelowThreshold(BelowThreshold b) {
    return new RedemptionPolicy(payableFloor, maxCouponsPerOrder, reservationTtl, restore, restoreValidity, b);
  }
}
