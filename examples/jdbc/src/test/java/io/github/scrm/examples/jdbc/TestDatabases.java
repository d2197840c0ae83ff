package io.github.scrm.examples.jdbc;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the contract suites run on. H2 is embedded and always there. PostgreSQL is a real server whose JDBC
 * URL comes from {@code SCRM_TEST_POSTGRES_URL} ({@code .ci/start-postgres.sh} starts one and prints it); in CI
 * ({@code CI=true}) a missing URL fails the build, on a developer's machine it skips the PostgreSQL runs with that
 * reason, so that {@code mvn verify} works without a database server installed.
 */
final class TestDatabases {

  private static final AtomicInteger H2_COUNTER = new AtomicInteger();

  private TestDatabases() {}

  /**
   * A fresh, migrated in-memory H2 database in PostgreSQL mode. It lives as long as its pool holds a connection, so
   * closing the pool drops it.
   */
  static JdbcDatabase h2() {
    String url = "jdbc:h2:mem:scrm" + H2_COUNTER.incrementAndGet()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64";
    JdbcDatabase database = JdbcDatabase.connect(url, 16);
    SchemaMigrations.migrate(database);
    return database;
  }

  /**
   * The PostgreSQL URL; fails in CI and aborts elsewhere when it is not set. Call it from a {@code @BeforeAll}, so a
   * skipped class never reaches the contract's own set-up and tear-down.
   */
  static String postgresUrl() {
    String url = System.getenv("SCRM_TEST_POSTGRES_URL");
    if (url == null || url.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("SCRM_TEST_POSTGRES_URL is not set: CI must start PostgreSQL with .ci/start-postgres.sh");
      }
      Assumptions.abort("PostgreSQL runs need SCRM_TEST_POSTGRES_URL (see .ci/start-postgres.sh); "
          + "outside CI they are skipped so that a plain 'mvn verify' needs no database server");
    }
    return url;
  }

  /** The PostgreSQL test database, migrated and emptied of SCRM data. */
  static JdbcDatabase postgres() {
    JdbcDatabase database = JdbcDatabase.connect(postgresUrl(), 16);
    database.inTransaction(connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA public CASCADE");
        statement.execute("CREATE SCHEMA public");
      }
      return null;
    });
    SchemaMigrations.migrate(database);
    return database;
  }
}
