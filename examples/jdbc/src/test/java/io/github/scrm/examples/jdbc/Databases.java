package io.github.scrm.examples.jdbc;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The databases one test opened, closed after it so that pools do not pile up across tests. */
final class Databases implements AutoCloseable {

  private final Supplier<JdbcDatabase> factory;
  private final List<JdbcDatabase> open = new ArrayList<>();

  Databases(Supplier<JdbcDatabase> factory) {
    this.factory = factory;
  }

  synchronized JdbcDatabase open() {
    JdbcDatabase database = factory.get();
    open.add(database);
    return database;
  }

  @Override
  public synchronized void close() {
    for (JdbcDatabase database : open) {
      // an in-memory H2 database outlives its pool (DB_CLOSE_DELAY=-1): drop it so tests do not pile them up
      database.inSingleStatement(c -> {
        if ("H2".equals(c.getMetaData().getDatabaseProductName())) {
          try (Statement statement = c.createStatement()) {
            statement.execute("SHUTDOWN");
          }
        }
        return null;
      });
      database.close();
    }
    open.clear();
  }
}
