package io.github.scrm.examples.jdbc;

import org.junit.jupiter.api.BeforeAll;

/** {@link OrderReservations} on PostgreSQL. */
final class JdbcOrderReservationsPostgresTest extends OrderReservations {

  @BeforeAll
  static void requirePostgres() {
    TestDatabases.postgresUrl();
  }

  @Override
  JdbcDatabase database() {
    return TestDatabases.postgres();
  }
}
