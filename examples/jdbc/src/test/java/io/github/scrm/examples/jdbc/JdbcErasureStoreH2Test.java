package io.github.scrm.examples.jdbc;

import io.github.scrm.core.spi.ErasureStore;
import io.github.scrm.core.spi.ErasureStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The erasure store contract on embedded H2. */
final class JdbcErasureStoreH2Test extends ErasureStoreContract {

  private final Databases databases = new Databases(TestDatabases::h2);

  @Override
  protected ErasureStore newStore() {
    return JdbcErasureStore.create(databases.open());
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
