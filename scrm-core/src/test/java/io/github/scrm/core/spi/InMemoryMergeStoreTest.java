package io.github.scrm.core.spi;

final class InMemoryMergeStoreTest extends MergeStoreContract {

  @Override
  protected MergeStore newStore() {
    return MergeStore.inMemory();
  }
}
