package io.github.scrm.examples.jdbc;

import io.github.scrm.core.spi.StaffStore;
import io.github.scrm.core.spi.StaffStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The staff store contract on embedded H2. */
final class JdbcStaffStoreH2Test extends StaffStoreContract {

  private final Databases databases = new Databases(TestDatabases::h2);

  @Override
  protected StaffStore newStore() {
    return JdbcStaffStore.create(databases.open());
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
