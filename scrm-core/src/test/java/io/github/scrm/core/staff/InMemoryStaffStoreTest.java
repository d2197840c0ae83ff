package io.github.scrm.core.staff;

import io.github.scrm.core.spi.StaffStore;
import io.github.scrm.core.spi.StaffStoreContract;

final class InMemoryStaffStoreTest extends StaffStoreContract {

  @Override
  protected StaffStore newStore() {
    return StaffStores.inMemory();
  }
}
