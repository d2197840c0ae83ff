package io.github.scrm.core.staff;

import io.github.scrm.core.spi.StaffStore;

/** Factories for {@link StaffStore}s. */
public final class StaffStores {

  private StaffStores() {}

  /**
   * A thread-safe store in memory. Every method takes one lock: staff changes are rare next to contact checks, and one
   * lock keeps ownership and its indexes consistent.
   */
  public static StaffStore inMemory() {
    return new InMemoryStaffStore();
  }
}
