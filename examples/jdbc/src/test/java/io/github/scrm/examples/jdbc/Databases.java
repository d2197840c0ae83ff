package io.github.scrm.examples.jdbc;

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
    open.forEach(JdbcDatabase::close);
    open.clear();
  }
}
