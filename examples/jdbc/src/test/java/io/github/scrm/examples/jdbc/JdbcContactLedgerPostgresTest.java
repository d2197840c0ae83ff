package io.github.scrm.examples.jdbc;

import io.github.scrm.core.spi.ContactLedger;
import io.github.scrm.core.spi.ContactLedgerContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The contact ledger contract on PostgreSQL. */
final class JdbcContactLedgerPostgresTest extends ContactLedgerContract {

  private final Databases databases = new Databases(TestDatabases::postgres);

  @BeforeAll
  static void requirePostgres() {
    TestDatabases.postgresUrl();
  }

  @Override
  protected ContactLedger newLedger() {
    return JdbcContactLedger.create(databases.open());
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
