package io.github.scrm.examples.jdbc;

import io.github.scrm.core.spi.ProfileStore;
import io.github.scrm.core.spi.ProfileStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The profile store contract on PostgreSQL. */
final class JdbcProfileStorePostgresTest extends ProfileStoreContract {

  private final Databases databases = new Databases(TestDatabases::postgres);

  @BeforeAll
  static void requirePostgres() {
    TestDatabases.postgresUrl();
  }

  @Override
  protected ProfileStore newStore() {
    return JdbcProfileStore.create(databases.open());
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
