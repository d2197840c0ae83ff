package io.github.scrm.examples.jdbc;

/** The profile store contract on embedded H2. */
final class JdbcProfileStoreH2Test extends JdbcProfileStoreCases {

  @Override
  JdbcDatabase database() {
    return TestDatabases.h2();
  }
}
