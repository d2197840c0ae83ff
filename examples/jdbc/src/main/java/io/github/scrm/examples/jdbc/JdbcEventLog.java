package io.github.scrm.examples.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scrm.core.ScrmException;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.ScrmJson;
import io.github.scrm.core.spi.EventLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The {@link EventLog} over JDBC. The event id is the primary key, so {@link #append} is {@code INSERT ... ON CONFLICT
 * DO NOTHING} and its row count says whether this call recorded it; the event itself is its SCRM JSON form (personal
 * identifiers are hashes there, never clear values). An erasure clears the JSON and keeps the id and owner, so a
 * re-sent event stays a duplicate. Every method is one {@code READ COMMITTED} transaction. Thread-safe.
 */
public final class JdbcEventLog implements EventLog {

  private final JdbcDatabase db;
  private final ObjectMapper json = ScrmJson.mapper();

  private JdbcEventLog(JdbcDatabase db) {
    this.db = db;
  }

  /** A log over {@code database}, migrated by {@link SchemaMigrations}. */
  public static JdbcEventLog create(JdbcDatabase database) {
    return new JdbcEventLog(Objects.requireNonNull(database, "database"));
  }

  @Override
  public boolean append(CustomerId owner, CustomerEvent event) {
    String payload = write(event);
    return db.inTransaction(c -> Sql.update(c, "INSERT INTO event_log (event_id, owner_id, payload) VALUES (?, ?, ?) "
        + "ON CONFLICT DO NOTHING", event.eventId(), owner.value(), payload) == 1);
  }

  @Override
  public Optional<CustomerId> ownerOf(String eventId) {
    return db.inTransaction(c -> Sql.first(c, "SELECT owner_id FROM event_log WHERE event_id = ?",
        rs -> CustomerId.of(rs.getString(1)), eventId));
  }

  @Override
  public List<CustomerEvent> eventsOf(CustomerId owner) {
    return db.inTransaction(c -> Sql.query(c, "SELECT payload FROM event_log WHERE owner_id = ? "
        + "AND payload IS NOT NULL ORDER BY seq", rs -> read(rs.getString(1)), owner.value()));
  }

  @Override
  public void reassign(String eventId, CustomerId newOwner) {
    db.inTransaction(c -> Sql.update(c, "UPDATE event_log SET owner_id = ? WHERE event_id = ?", newOwner.value(),
        eventId));
  }

  @Override
  public int erase(CustomerId owner) {
    return db.inTransaction(c -> Sql.update(c, "UPDATE event_log SET payload = NULL WHERE owner_id = ? "
        + "AND payload IS NOT NULL", owner.value()));
  }

  /** Streams the log in append order inside one transaction, 500 rows per round trip. */
  @Override
  public void forEach(BiConsumer<CustomerId, CustomerEvent> action) {
    db.inTransaction(c -> {
      try (PreparedStatement query = c.prepareStatement(
          "SELECT owner_id, payload FROM event_log WHERE payload IS NOT NULL ORDER BY seq")) {
        query.setFetchSize(500);
        try (ResultSet rs = query.executeQuery()) {
          while (rs.next()) {
            action.accept(CustomerId.of(rs.getString(1)), read(rs.getString(2)));
          }
        }
      }
      return null;
    });
  }

  private String write(CustomerEvent event) {
    try {
      return json.writerFor(CustomerEvent.class).writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new ScrmException("cannot write event " + event.eventId() + " as JSON", e);
    }
  }

  private CustomerEvent read(String text) {
    try {
      return json.readValue(text, CustomerEvent.class);
    } catch (JsonProcessingException e) {
      throw new ScrmException("a stored event is unreadable: " + ScrmJson.describe(e), e);
    }
  }
}
