package io.github.scrm.examples.jdbc;

import io.github.scrm.core.spi.ContactLedger;
import io.github.scrm.core.spi.ContactLedgerContract;
import org.junit.jupiter.api.AfterEach;

/** The contact ledger contract on embedded H2. */
final class JdbcContactLedgerH2Test extends ContactLedgerContract {

  private final Databases databases = new Databases(TestDatabases::h2);

  @Override
  protected ContactLedger newLedger() {
    return JdbcContactLedger.create(databases.open());
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
