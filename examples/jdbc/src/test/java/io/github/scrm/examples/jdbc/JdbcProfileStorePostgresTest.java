package io.github.scrm.examples.jdbc;

import org.junit.jupiter.api.BeforeAll;

/** The profile store contract on PostgreSQL. */
final class JdbcProfileStorePostgresTest extends JdbcProfileStoreCases {

  @BeforeAll
  static void requirePostgres() {
    TestDatabases.postgresUrl();
  }

  @Override
  JdbcDatabase database() {
    return TestDatabases.postgres();
  }
}
