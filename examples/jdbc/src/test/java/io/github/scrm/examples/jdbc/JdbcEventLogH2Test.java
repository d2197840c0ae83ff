package io.github.scrm.examples.jdbc;

import io.github.scrm.core.spi.EventLog;
import io.github.scrm.core.spi.EventLogContract;
import org.junit.jupiter.api.AfterEach;

/** The event log contract on embedded H2. */
final class JdbcEventLogH2Test extends EventLogContract {

  private final Databases databases = new Databases(TestDatabases::h2);

  @Override
  protected EventLog newLog() {
    return JdbcEventLog.create(databases.open());
  }

  @AfterEach
  void closeDatabases() {
    databases.close();
  }
}
