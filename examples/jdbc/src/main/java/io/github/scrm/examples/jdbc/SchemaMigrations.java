package io.github.scrm.examples.jdbc;

import io.github.scrm.core.ScrmException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the schema from versioned SQL scripts shipped as resources ({@code db/migration/V1__core.sql},
 * ...). Each applied version is recorded in {@code scrm_schema_version}; running again applies only what is new. The
 * scripts use SQL that H2 (in PostgreSQL mode) and PostgreSQL both accept.
 */
public final class SchemaMigrations {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

  /** The scripts in order; a new script is appended here with the next version number. */
  static final List<String> SCRIPTS = List.of("V1__core.sql", "V2__coupons.sql", "V3__referrals.sql",
      "V4__profiles.sql", "V5__merges.sql", "V6__erasures.sql");

  private SchemaMigrations() {}

  /** Applies every script not yet recorded; returns the versions applied now. */
  public static List<Integer> migrate(JdbcDatabase database) {
    return database.inTransaction(connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE IF NOT EXISTS scrm_schema_version ("
            + "version INT PRIMARY KEY, script VARCHAR(200) NOT NULL)");
      }
      List<Integer> applied = new ArrayList<>();
      for (String script : SCRIPTS) {
        int version = Integer.parseInt(script.substring(1, script.indexOf("__")));
        if (isApplied(connection, version)) {
          continue;
        }
        for (String sql : statements(read(script))) {
          try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
          }
        }
        try (PreparedStatement insert =
            connection.prepareStatement("INSERT INTO scrm_schema_version (version, script) VALUES (?, ?)")) {
          insert.setInt(1, version);
          insert.setString(2, script);
          insert.executeUpdate();
        }
        LOG.debug("applied schema script {}", script);
        applied.add(version);
      }
      return applied;
    });
  }

  private static boolean isApplied(Connection connection, int version) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM scrm_schema_version WHERE version = ?")) {
      query.setInt(1, version);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next();
      }
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
