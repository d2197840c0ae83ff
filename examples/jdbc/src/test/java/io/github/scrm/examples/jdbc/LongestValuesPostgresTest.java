package io.github.scrm.examples.jdbc;

import org.junit.jupiter.api.BeforeAll;

/** The longest values on PostgreSQL. */
final class LongestValuesPostgresTest extends LongestValuesCases {

  @BeforeAll
  static void requirePostgres() {
    TestDatabases.postgresUrl();
  }

  @Override
  JdbcDatabase database() {
    return TestDatabases.postgres();
  }
}
