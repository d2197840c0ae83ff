package io.github.scrm.examples.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scrm.core.ScrmException;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.ScrmJson;
import io.github.scrm.core.privacy.ErasureRecord;
import io.github.scrm.core.spi.ErasureStore;
import java.util.List;
import java.util.Objects;

/**
 * The {@link ErasureStore} over JDBC: one row per erasure, the record as SCRM JSON (counts only, no personal data),
 * numbered in the order recorded. Every method is one {@code READ COMMITTED} transaction. Thread-safe.
 */
public final class JdbcErasureStore implements ErasureStore {

  private final JdbcDatabase db;
  private final ObjectMapper json = ScrmJson.mapper();

  private JdbcErasureStore(JdbcDatabase db) {
    this.db = db;
  }

  /** A store over {@code database}, migrated by {@link SchemaMigrations}. */
  public static JdbcErasureStore create(JdbcDatabase database) {
    return new JdbcErasureStore(Objects.requireNonNull(database, "database"));
  }

  @Override
  public void record(ErasureRecord record) {
    Objects.requireNonNull(record, "record");
    String body;
    try {
      body = json.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new ScrmException("the erasure record of " + record.customer() + " could not be written as JSON", e);
    }
    db.inTransaction(c -> Sql.update(c, "INSERT INTO erasure_record (customer_id, body) VALUES (?, ?)",
        record.customer().value(), body));
  }

  @Override
  public List<ErasureRecord> all() {
    return db.inTransaction(c -> Sql.query(c, "SELECT body FROM erasure_record ORDER BY seq",
        rs -> read(rs.getString(1))));
  }

  @Override
  public List<ErasureRecord> of(CustomerId customer) {
    return db.inTransaction(c -> Sql.query(c, "SELECT body FROM erasure_record WHERE customer_id = ? ORDER BY seq",
        rs -> read(rs.getString(1)), customer.value()));
  }

  private ErasureRecord read(String body) {
    try {
      return json.readValue(body, ErasureRecord.class);
    } catch (JsonProcessingException e) {
      throw new ScrmException("a stored erasure record is unreadable: " + ScrmJson.describe(e), e);
    }
  }

  /** Counts nothing and names nothing: the database holds the records. */
  @Override
  public String toString() {
    return "JdbcErasureStore";
  }
}
