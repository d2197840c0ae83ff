package io.github.scrm.examples.jdbc;

import io.github.scrm.core.ScrmException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the schema from versioned SQL scripts shipped as resources ({@code db/migration/V1__core.sql},
 * ...). Each applied version is recorded in {@code scrm_schema_version} with a SHA-256 checksum of its text; running
 * again applies only what is new, and fails naming the script when an applied one has since been edited. The scripts
 * use SQL that H2 (in PostgreSQL mode) and PostgreSQL both accept.
 *
 * <p>Several application nodes may call {@link #migrate} at the same time on one database: one applies the scripts
 * while the others wait, then find nothing left to do. On PostgreSQL the whole migration is one transaction under a
 * transaction-scoped advisory lock. H2 commits before every DDL statement, so there the lock is a row of {@code
 * scrm_schema_lock} held {@code FOR UPDATE} by a second connection for as long as the scripts run; the pool needs two
 * free connections.
 *
 * <p>Because H2 commits every DDL statement, a script that fails halfway there leaves its first statements applied.
 * The migration therefore records, in {@code scrm_schema_progress} and committed with each statement, how many
 * statements of the unfinished script have run; once the cause is repaired, running again goes on from the statement
 * that failed instead of failing on what the first run created. On PostgreSQL nothing of a failed run remains, so there
 * is nothing to go on from.
 */
public final class SchemaMigrations {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

  /** The scripts in order; a new script is appended here with the next version number. */
  static final List<String> SCRIPTS = List.of("V1__core.sql", "V2__coupons.sql", "V3__referrals.sql",
      "V4__profiles.sql", "V5__merges.sql", "V6__erasures.sql", "V7__offline_discount.sql",
      "V8__order_claims.sql", "V9__event_id_length.sql", "V10__reward_levels.sql", "V11__id_lengths.sql",
      "V12__support_person_index.sql");

  /** Any constant shared by every node: the key of PostgreSQL's advisory lock ("SCRM" in ASCII). */
  private static final long ADVISORY_LOCK_KEY = 0x5343524DL;

  /** How long a node waits for another node's migration before giving up. */
  private static final Duration WAIT_FOR_OTHER_NODE = Duration.ofMinutes(5);

  private SchemaMigrations() {}

  /**
   * Applies every script not yet recorded; returns the versions applied now (empty when another node applied them).
   *
   * @throws ScrmException when an applied script has changed since, or the database fails
   */
  public static List<Integer> migrate(JdbcDatabase database) {
    boolean postgres = database.inTransaction(c -> c.getMetaData().getDatabaseProductName()
        .toLowerCase(Locale.ROOT).contains("postgres"));
    if (postgres) {
      return database.inTransaction(connection -> {
        Sql.query(connection, "SELECT pg_advisory_xact_lock(?)", rs -> null, ADVISORY_LOCK_KEY);
        return apply(connection, false);
      });
    }
    database.inTransaction(SchemaMigrations::createLockRow);
    long deadline = System.nanoTime() + WAIT_FOR_OTHER_NODE.toNanos();
    while (true) {
      try {
        return database.inTransaction(lock -> {
          Sql.query(lock, "SELECT id FROM scrm_schema_lock WHERE id = 1 FOR UPDATE", rs -> rs.getInt(1));
          return database.inTransaction(connection -> apply(connection, true));
        });
      } catch (ScrmException e) {
        if (!isLockTimeout(e) || System.nanoTime() > deadline) {
          throw e;
        }
        LOG.debug("waiting for another node's schema migration");
      }
    }
  }

  private static Void createLockRow(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS scrm_schema_lock (id INT PRIMARY KEY)");
    }
    try {
      Sql.update(connection, "INSERT INTO scrm_schema_lock (id) SELECT 1 WHERE NOT EXISTS "
          + "(SELECT 1 FROM scrm_schema_lock WHERE id = 1)");
    } catch (SQLException e) {
      if (!"23505".equals(e.getSQLState())) { // another node inserted it first: that is the row we need
        throw e;
      }
    }
    return null;
  }

  private static boolean isLockTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && ("HYT00".equals(sql.getSQLState()) || "55P03".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Applies the scripts not yet recorded. With {@code resumable} (H2, where each DDL statement commits), each statement
   * is committed with the count of the script's statements run so far, and a run goes on after the statements an
   * earlier, failed run committed.
   */
  private static List<Integer> apply(Connection connection, boolean resumable) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS scrm_schema_version ("
          + "version INT PRIMARY KEY, script VARCHAR(200) NOT NULL, checksum VARCHAR(64))");
      // databases migrated before checksums were recorded get the column, filled in below
      statement.execute("ALTER TABLE scrm_schema_version ADD COLUMN IF NOT EXISTS checksum VARCHAR(64)");
      statement.execute("CREATE TABLE IF NOT EXISTS scrm_schema_progress ("
          + "version INT PRIMARY KEY, checksum VARCHAR(64) NOT NULL, statements INT NOT NULL)");
    }
    Map<Integer, Optional<String>> recorded = new HashMap<>();
    Sql.query(connection, "SELECT version, checksum FROM scrm_schema_version", rs -> {
      recorded.put(rs.getInt(1), Optional.ofNullable(rs.getString(2)));
      return null;
    });
    List<Integer> applied = new ArrayList<>();
    for (String script : SCRIPTS) {
      int version = Integer.parseInt(script.substring(1, script.indexOf("__")));
      String text = read(script);
      String checksum = checksum(text);
      Optional<String> known = recorded.get(version);
      if (known != null) {
        if (known.isEmpty()) {
          Sql.update(connection, "UPDATE scrm_schema_version SET checksum = ? WHERE version = ?", checksum, version);
        } else if (!known.get().equals(checksum)) {
          throw new ScrmException("schema script " + script + " has changed since it was applied (checksum "
              + known.get() + " recorded, " + checksum + " now): the change would never reach this database; "
              + "restore the script and add a new script with the next version instead");
        }
        continue;
      }
      List<String> statements = statements(text);
      int done = resumable ? statementsDone(connection, script, version, checksum) : 0;
      for (int i = done; i < statements.size(); i++) {
        try (Statement statement = connection.createStatement()) {
          statement.execute(statements.get(i));
        } catch (SQLException e) {
          throw new ScrmException("schema script " + script + " failed at statement " + (i + 1) + " of "
              + statements.size() + (resumable && i > 0 ? " (the " + i + " before it are applied, and a run after "
              + "the cause is repaired goes on from this one)" : "") + ": " + e.getMessage(), e);
        }
        if (resumable) {
          Sql.update(connection, "DELETE FROM scrm_schema_progress WHERE version = ?", version);
          Sql.update(connection, "INSERT INTO scrm_schema_progress (version, checksum, statements) VALUES (?, ?, ?)",
              version, checksum, i + 1);
          connection.commit();
        }
      }
      Sql.update(connection, "INSERT INTO scrm_schema_version (version, script, checksum) VALUES (?, ?, ?)",
          version, script, checksum);
      Sql.update(connection, "DELETE FROM scrm_schema_progress WHERE version = ?", version);
      LOG.debug("applied schema script {}", script);
      applied.add(version);
    }
    return applied;
  }

  /** How many statements of {@code script} a failed run committed; refuses a script changed since. */
  private static int statementsDone(Connection connection, String script, int version, String checksum)
      throws SQLException {
    Optional<Integer> done = Sql.first(connection,
        "SELECT checksum, statements FROM scrm_schema_progress WHERE version = ?", rs -> {
          if (!rs.getString(1).equals(checksum)) {
            throw new ScrmException("schema script " + script + " has changed since a failed run applied part of "
                + "it: restore the script it ran, or repair the database by hand and delete version " + version
                + " from scrm_schema_progress");
          }
          return rs.getInt(2);
        }, version);
    return done.orElse(0);
  }

  /** SHA-256 of the script with line ends normalised, so a checkout with CRLF line ends has the same checksum. */
  static String checksum(String script) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(script.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String read(String script) {
    String path = "db/migration/" + script;
    try (InputStream in = SchemaMigrations.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new ScrmException("schema script " + path + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScrmException("cannot read schema script " + path, e);
    }
  }

  /** Splits a script on semicolons at line ends; line comments starting with {@code --} are dropped. */
  static List<String> statements(String script) {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String sql = current.toString().strip();
        result.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      result.add(current.toString().strip());
    }
    return result;
  }
}
