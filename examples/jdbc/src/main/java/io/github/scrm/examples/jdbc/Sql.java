package io.github.scrm.examples.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Binding and reading the column types the stores share; instants are {@code TIMESTAMP WITH TIME ZONE} in UTC. */
final class Sql {

  private Sql() {}

  static void instant(PreparedStatement statement, int index, Instant instant) throws SQLException {
    statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /**
   * Prepares {@code sql}, binds {@code values} in order from parameter 1 (a null binds a VARCHAR null) and runs it;
   * returns the affected row count, which every conditional update checks.
   */
  static int update(Connection connection, String sql, @Nullable Object... values) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, values);
      return statement.executeUpdate();
    }
  }

  /** Binds {@code values} in order from parameter 1. */
  static void bind(PreparedStatement statement, @Nullable Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      if (value == null) {
        statement.setNull(i + 1, Types.VARCHAR);
      } else if (value instanceof TypedNull typed) {
        statement.setNull(i + 1, typed.sqlType());
      } else if (value instanceof Instant instant) {
        instant(statement, i + 1, instant);
      } else {
        statement.setObject(i + 1, value);
      }
    }
  }

  /** Runs {@code sql} with {@code values} and maps every row. */
  static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, @Nullable Object... values)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, values);
      try (ResultSet rs = statement.executeQuery()) {
        List<T> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(mapper.map(rs));
        }
        return rows;
      }
    }
  }

  /** Runs {@code sql} with {@code values} and maps the first row, if any. */
  static <T> Optional<T> first(Connection connection, String sql, RowMapper<T> mapper, @Nullable Object... values)
      throws SQLException {
    List<T> rows = query(connection, sql, mapper, values);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** A null of a given {@link Types} code, for columns that are not text. */
  record TypedNull(int sqlType) {}

  /** The instant, or a {@code TIMESTAMP WITH TIME ZONE} null when empty. */
  static Object instantOrNull(Optional<Instant> instant) {
    return instant.<Object>map(i -> i).orElse(new TypedNull(Types.TIMESTAMP_WITH_TIMEZONE));
  }

  /** Maps the current row of a result set. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }
}
