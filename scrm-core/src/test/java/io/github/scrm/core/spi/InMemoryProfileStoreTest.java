package io.github.scrm.core.spi;

final class InMemoryProfileStoreTest extends ProfileStoreContract {

  @Override
  protected ProfileStore newStore() {
    return ProfileStore.inMemory();
  }
}
