package io.github.scrm.coupons.internal;

import io.github.scrm.coupons.spi.CouponStore;
import io.github.scrm.coupons.spi.CouponStoreContract;
import io.github.scrm.coupons.spi.CouponStores;

final class InMemoryCouponStoreTest extends CouponStoreContract {
  @Override
  protected CouponStore newStore() {
    return CouponStores.inMemory();
  }
}
