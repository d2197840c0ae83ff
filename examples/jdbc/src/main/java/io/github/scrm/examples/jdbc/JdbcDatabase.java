package io.github.scrm.examples.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.scrm.core.ScrmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A pooled database with explicit transactions. Every store in this package runs its statements through {@link
 * #inTransaction}, which commits on success, rolls back on any exception and retries serialization failures
 * ({@code SQLSTATE 40001}, {@code 40P01}) a bounded number of times.
 */
public final class JdbcDatabase implements AutoCloseable {

  /** Work done inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    /** Runs against {@code connection}, which has auto-commit off. */
    T run(Connection connection) throws SQLException;
  }

  private static final int MAX_ATTEMPTS = 20;

  private final DataSource dataSource;
  private final AutoCloseable closer;

  private JdbcDatabase(DataSource dataSource, AutoCloseable closer) {
    this.dataSource = dataSource;
    this.closer = closer;
  }

  /** A pool of at most {@code maxConnections} connections to {@code jdbcUrl}. */
  public static JdbcDatabase connect(String jdbcUrl, int maxConnections) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(Objects.requireNonNull(jdbcUrl, "jdbcUrl"));
    config.setMaximumPoolSize(maxConnections);
    config.setAutoCommit(false);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    config.setPoolName("scrm");
    HikariDataSource pool = new HikariDataSource(config);
    return new JdbcDatabase(pool, pool);
  }

  /**
   * Wraps a host's own {@link DataSource}, whose connections must default to {@code READ COMMITTED} (or stronger);
   * the host keeps ownership and closes it.
   */
  public static JdbcDatabase using(DataSource dataSource) {
    return new JdbcDatabase(dataSource, () -> {});
  }

  /** The underlying data source. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Runs {@code work} in a transaction at {@code isolation} ({@link Connection#TRANSACTION_READ_COMMITTED}...). */
  public <T> T inTransaction(int isolation, Work<T> work) {
    SQLException last = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try (Connection connection = dataSource.getConnection()) {
        boolean autoCommit = connection.getAutoCommit(); // a host's pool may hand out auto-commit connections
        connection.setAutoCommit(false);
        // connections default to READ COMMITTED; only a stronger level costs a round trip there and back
        boolean raised = isolation != Connection.TRANSACTION_READ_COMMITTED;
        if (raised) {
          connection.setTransactionIsolation(isolation);
        }
        try {
          T result = work.run(connection);
          connection.commit();
          restore(connection, raised, autoCommit);
          return result;
        } catch (SQLException | RuntimeException e) {
          // the work's failure is what the caller must see: a rollback or a reset that fails as well (a broken
          // connection, typically) is attached to it, never put in its place
          try {
            connection.rollback();
            restore(connection, raised, autoCommit);
          } catch (SQLException cleanup) {
            e.addSuppressed(cleanup);
          }
          throw e;
        }
      } catch (SQLException e) {
        if (!isRetryable(e)) {
          throw new ScrmException("database work failed: " + e.getMessage(), e);
        }
        last = e;
      }
    }
    throw new ScrmException("database work kept failing on serialization conflicts after " + MAX_ATTEMPTS
        + " attempts", Objects.requireNonNull(last));
  }

  /** Gives {@code connection} back its isolation level and auto-commit mode, as the pool handed it out. */
  private static void restore(Connection connection, boolean raised, boolean autoCommit) throws SQLException {
    if (raised) {
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }
    connection.setAutoCommit(autoCommit);
  }

  /**
   * Runs {@code work}, which must be a single statement, in auto-commit mode: the statement is its own transaction,
   * which saves the round trip of a separate {@code COMMIT} on hot paths.
   */
  public <T> T inSingleStatement(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      try {
        return work.run(connection);
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new ScrmException("database work failed: " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} in a read-committed transaction. */
  public <T> T inTransaction(Work<T> work) {
    return inTransaction(Connection.TRANSACTION_READ_COMMITTED, work);
  }

  private static boolean isRetryable(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if ("40001".equals(state) || "40P01".equals(state)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public void close() {
    try {
      closer.close();
    } catch (Exception e) {
      throw new ScrmException("closing the connection pool failed", e);
    }
  }
}
