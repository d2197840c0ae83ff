package io.github.scrm.examples.jdbc;

import io.github.scrm.core.spi.EventLog;
import io.github.scrm.core.spi.EventLogContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The event log contract on PostgreSQL. */
final class JdbcEventLogPostgresTest extends EventLogContract {

  private final Databases databases = new Databases(TestDatabases::postgres);

  @BeforeAll
  static void requirePostgres() {
    TestDatabases.postgresUrl();
  }

  @Override
  protected EventLog newLog() {
    return JdbcEventLog.create(databases.open());
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
