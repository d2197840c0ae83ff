package io.github.scrm.examples.jdbc;

import io.github.scrm.core.spi.MergeStore;
import io.github.scrm.core.spi.MergeStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The merge store contract on PostgreSQL. */
final class JdbcMergeStorePostgresTest extends MergeStoreContract {

  private final Databases databases = new Databases(TestDatabases::postgres);

  @BeforeAll
  static void requirePostgres() {
    TestDatabases.postgresUrl();
  }

  @Override
  protected MergeStore newStore() {
    return JdbcMergeStore.create(databases.open());
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
