package io.github.scrm.examples.jdbc;

import io.github.scrm.core.spi.ErasureStore;
import io.github.scrm.core.spi.ErasureStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The erasure store contract on PostgreSQL. */
final class JdbcErasureStorePostgresTest extends ErasureStoreContract {

  private final Databases databases = new Databases(TestDatabases::postgres);

  @BeforeAll
  static void requirePostgres() {
    TestDatabases.postgresUrl();
  }

  @Override
  protected ErasureStore newStore() {
    return JdbcErasureStore.create(databases.open());
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
