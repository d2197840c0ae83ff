package io.github.scrm.examples.jdbc;

import io.github.scrm.coupons.spi.CouponStore;
import io.github.scrm.coupons.spi.CouponStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The coupon store contract, contention tests included, on embedded H2. */
// docs/erp-embedding.md#2:start
final class JdbcCouponStoreH2Test extends CouponStoreContract {

  private final Databases databases = new Databases(TestDatabases::h2);

  @Override
  protected CouponStore newStore() {
    return JdbcCouponStore.create(databases.open());
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
// docs/erp-embedding.md#2:end
