package io.github.scrm.core.contact;

import io.github.scrm.core.spi.ContactLedger;

/** Factories for {@link ContactLedger}s. */
public final class ContactLedgers {

  private ContactLedgers() {}

  /**
   * A thread-safe ledger in memory. Check-and-record is atomic per customer without any global lock: contacts of
   * different customers proceed in parallel. Reads are lock-free snapshots. Memory grows with recorded contacts: call
   * {@link ContactLedger#pruneBefore} now and then.
   */
  public static ContactLedger inMemory() {
    return new InMemoryContactLedger();
  }
}
