package io.github.scrm.examples.jdbc;

import io.github.scrm.core.spi.StaffStore;
import io.github.scrm.core.spi.StaffStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The staff store contract on PostgreSQL. */
final class JdbcStaffStorePostgresTest extends StaffStoreContract {

  private final Databases databases = new Databases(TestDatabases::postgres);

  @BeforeAll
  static void requirePostgres() {
    TestDatabases.postgresUrl();
  }

  @Override
  protected StaffStore newStore() {
    return JdbcStaffStore.create(databases.open());
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
