package io.github.scrm.examples.jdbc;

import org.junit.jupiter.api.BeforeAll;

/** {@link CrossedReservations} on PostgreSQL. */
final class JdbcCrossedReservationsPostgresTest extends CrossedReservations {

  @BeforeAll
  static void requirePostgres() {
    TestDatabases.postgresUrl();
  }

  @Override
  JdbcDatabase database() {
    return TestDatabases.postgres();
  }
}
