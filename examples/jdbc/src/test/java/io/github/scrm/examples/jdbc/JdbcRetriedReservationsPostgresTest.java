package io.github.scrm.examples.jdbc;

import org.junit.jupiter.api.BeforeAll;

/** {@link RetriedReservations} on PostgreSQL. */
final class JdbcRetriedReservationsPostgresTest extends RetriedReservations {

  @BeforeAll
  static void requirePostgres() {
    TestDatabases.postgresUrl();
  }

  @Override
  JdbcDatabase database() {
    return TestDatabases.postgres();
  }
}
