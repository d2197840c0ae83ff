package io.github.scrm.examples.jdbc;

import io.github.scrm.core.spi.MergeStore;
import io.github.scrm.core.spi.MergeStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The merge store contract on embedded H2. */
final class JdbcMergeStoreH2Test extends MergeStoreContract {

  private final Databases databases = new Databases(TestDatabases::h2);

  @Override
  protected MergeStore newStore() {
    return JdbcMergeStore.create(databases.open());
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
