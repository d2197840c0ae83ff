package io.github.scrm.core.spi;

final class InMemoryReferralStoreTest extends ReferralStoreContract {
  @Override
  protected ReferralStore newStore() {
    return ReferralStore.inMemory();
  }
}
