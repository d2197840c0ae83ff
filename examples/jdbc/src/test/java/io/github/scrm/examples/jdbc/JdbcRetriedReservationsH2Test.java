package io.github.scrm.examples.jdbc;

/** {@link RetriedReservations} on embedded H2. */
final class JdbcRetriedReservationsH2Test extends RetriedReservations {

  @Override
  JdbcDatabase database() {
    return TestDatabases.h2();
  }
}
