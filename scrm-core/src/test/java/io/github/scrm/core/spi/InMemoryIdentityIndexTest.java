package io.github.scrm.core.spi;

final class InMemoryIdentityIndexTest extends IdentityIndexContract {

  @Override
  protected IdentityIndex newIndex() {
    return IdentityIndex.inMemory();
  }
}
