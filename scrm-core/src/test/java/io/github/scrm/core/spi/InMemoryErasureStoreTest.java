package io.github.scrm.core.spi;

final class InMemoryErasureStoreTest extends ErasureStoreContract {

  @Override
  protected ErasureStore newStore() {
    return ErasureStore.inMemory();
  }
}
