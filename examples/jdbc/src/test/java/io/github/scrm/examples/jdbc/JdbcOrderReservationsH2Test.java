package io.github.scrm.examples.jdbc;

/** {@link OrderReservations} on embedded H2. */
final class JdbcOrderReservationsH2Test extends OrderReservations {

  @Override
  JdbcDatabase database() {
    return TestDatabases.h2();
  }
}
