package io.github.scrm.coupons.template;

import java.util.Objects;

/**
 * How a coupon combines with others on one order. At most one coupon per {@code group} applies; an {@code exclusive}
 * coupon applies alone. Coupons apply in a defined order: every {@link Level#SHOP} coupon before every
 * {@link Level#PLATFORM} coupon, then by template id, so a platform coupon's threshold (when counted after
 * discounts) sees the amount after shop coupons.
 *
 * @param group the stacking group (at most one coupon of a group per order)
 * @param level whether the shop or the platform funds the coupon
 * @param exclusive whether the coupon refuses any other coupon on the same order
 */
public record Stacking(String group, Level level, boolean exclusive) {

  /** Who funds the coupon; shop coupons apply first. */
  public enum Level {
    /** Funded by the shop; applied first. */
    SHOP,
    /** Funded by the platform; applied after shop coupons. */
    PLATFORM
  }

  /** Null checks. */
  public Stacking {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(level, "level");
  }

  /** A combinable shop-level coupon in {@code group}. */
  public static Stacking shop(String group) {
    return new Stacking(group, Level.SHOP, false);
  }

  /** A combinable platform-level coupon in {@code group}. */
  public static Stacking platform(String group) {
    return new Stacking(group, Level.PLATFORM, false);
  }

  /** The same coupon, exclusive. */
  public Stacking asExclusive() {
    return new Stacking(group, level, true);
  }
}
