package io.github.scrm.coupons.spi;

import io.github.scrm.coupons.internal.InMemoryCouponStore;

/** Factories for the stores the library ships. */
public final class CouponStores {
  private CouponStores() {}

  /**
   * A thread-safe in-memory store: lock-free counters (compare-and-set loops), per-coupon atomic references, no
   * global lock. Data lives as long as the instance.
   */
  public static CouponStore inMemory() {
    return new InMemoryCouponStore();
  }

  /**
   * The in-memory store with its maps sized for {@code expectedCoupons} coupons and reservations, so that bulk
   * workloads do not pay for map growth while they run.
   */
  public static CouponStore inMemory(int expectedCoupons) {
    return new InMemoryCouponStore(expectedCoupons);
  }
}
