package io.github.scrm.examples.jdbc;

import io.github.scrm.core.spi.IdentityIndex;
import io.github.scrm.core.spi.IdentityIndexContract;
import org.junit.jupiter.api.AfterEach;

/** The identity index contract on embedded H2. */
final class JdbcIdentityIndexH2Test extends IdentityIndexContract {

  private final Databases databases = new Databases(TestDatabases::h2);

  @Override
  protected IdentityIndex newIndex() {
    return JdbcIdentityIndex.create(databases.open());
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
