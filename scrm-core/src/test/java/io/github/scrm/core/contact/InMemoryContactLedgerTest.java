package io.github.scrm.core.contact;

import io.github.scrm.core.spi.ContactLedger;
import io.github.scrm.core.spi.ContactLedgerContract;

final class InMemoryContactLedgerTest extends ContactLedgerContract {

  @Override
  protected ContactLedger newLedger() {
    return ContactLedgers.inMemory();
  }
}
