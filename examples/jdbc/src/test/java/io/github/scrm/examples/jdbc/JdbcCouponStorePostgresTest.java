package io.github.scrm.examples.jdbc;

import io.github.scrm.coupons.spi.CouponStore;
import io.github.scrm.coupons.spi.CouponStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The coupon store contract, contention tests included, on PostgreSQL. */
final class JdbcCouponStorePostgresTest extends CouponStoreContract {

  private final Databases databases = new Databases(TestDatabases::postgres);

  @BeforeAll
  static void requirePostgres() {
    TestDatabases.postgresUrl();
  }

  @Override
  protected CouponStore newStore() {
    return JdbcCouponStore.create(databases.open());
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
