package io.github.scrm.examples.jdbc;

import io.github.scrm.core.spi.IdentityIndex;
import io.github.scrm.core.spi.IdentityIndexContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The identity index contract on PostgreSQL. */
final class JdbcIdentityIndexPostgresTest extends IdentityIndexContract {

  private final Databases databases = new Databases(TestDatabases::postgres);

  @BeforeAll
  static void requirePostgres() {
    TestDatabases.postgresUrl();
  }

  @Override
  protected IdentityIndex newIndex() {
    return JdbcIdentityIndex.create(databases.open());
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
