package io.github.scrm.examples.jdbc;

/** The longest values on embedded H2. */
final class LongestValuesH2Test extends LongestValuesCases {

  @Override
  JdbcDatabase database() {
    return TestDatabases.h2();
  }
}
