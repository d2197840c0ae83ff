package io.github.scrm.examples.jdbc;

import io.github.scrm.core.spi.ProfileStore;
import io.github.scrm.core.spi.ProfileStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The profile store contract on embedded H2. */
final class JdbcProfileStoreH2Test extends ProfileStoreContract {

  private final Databases databases = new Databases(TestDatabases::h2);

  @Override
  protected ProfileStore newStore() {
    return JdbcProfileStore.create(databases.open());
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
