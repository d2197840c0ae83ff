package io.github.scrm.examples.jdbc;

/** {@link CrossedReservations} on embedded H2. */
final class JdbcCrossedReservationsH2Test extends CrossedReservations {

  @Override
  JdbcDatabase database() {
    return TestDatabases.h2();
  }
}
