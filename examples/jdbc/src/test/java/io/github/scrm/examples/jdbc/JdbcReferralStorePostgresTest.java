package io.github.scrm.examples.jdbc;

import io.github.scrm.core.spi.ReferralStore;
import io.github.scrm.core.spi.ReferralStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The referral store contract on PostgreSQL. */
final class JdbcReferralStorePostgresTest extends ReferralStoreContract {

  private final Databases databases = new Databases(TestDatabases::postgres);

  @BeforeAll
  static void requirePostgres() {
    TestDatabases.postgresUrl();
  }

  @Override
  protected ReferralStore newStore() {
    return JdbcReferralStore.create(databases.open());
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
