package io.github.scrm.examples.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scrm.core.ScrmException;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.ScrmJson;
import io.github.scrm.core.identity.IdentityConflict;
import io.github.scrm.core.identity.MergeRecord;
import io.github.scrm.core.spi.MergeStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link MergeStore} over JDBC: one row per merge with the record as SCRM JSON (identifiers hashed and masked,
 * never clear), the events it moved in order, and the conflicts with the customers each involves. The merge id is the
 * primary key, so a merge is recorded once; an unmerge is a conditional update of {@code undone_at}. Every method is
 * one {@code READ COMMITTED} transaction. Thread-safe.
 */
public final class JdbcMergeStore implements MergeStore {

  private final JdbcDatabase db;
  private final ObjectMapper json = ScrmJson.mapper();

  private JdbcMergeStore(JdbcDatabase db) {
    this.db = db;
  }

  /** A store over {@code database}, migrated by {@link SchemaMigrations}. */
  public static JdbcMergeStore create(JdbcDatabase database) {
    return new JdbcMergeStore(Objects.requireNonNull(database, "database"));
  }

  @Override
  public void recordMerge(MergeRecord record, List<String> movedEventIds) {
    if (record.undoneAt() != null) {
      throw new IllegalArgumentException("merge " + record.mergeId() + " must not be undone when recorded");
    }
    String body = write(record);
    boolean recorded = db.inTransaction(c -> {
      if (Sql.update(c, "INSERT INTO merge_record (merge_id, survivor_id, absorbed_id, body) VALUES (?, ?, ?, ?) "
          + "ON CONFLICT DO NOTHING", record.mergeId(), record.survivor().value(), record.absorbed().value(),
          body) == 0) {
        return false;
      }
      for (int i = 0; i < movedEventIds.size(); i++) {
        Sql.update(c, "INSERT INTO merge_moved_event (merge_id, position, event_id) VALUES (?, ?, ?)",
            record.mergeId(), i, movedEventIds.get(i));
      }
      return true;
    });
    if (!recorded) {
      throw new IllegalArgumentException("merge " + record.mergeId() + " is already recorded");
    }
  }

  @Override
  public List<String> movedEvents(String mergeId) {
    return db.inTransaction(c -> Sql.query(c, "SELECT event_id FROM merge_moved_event WHERE merge_id = ? "
        + "ORDER BY position", rs -> rs.getString(1), mergeId));
  }

  @Override
  public boolean recordUnmerge(String mergeId, Instant at) {
    Objects.requireNonNull(at, "at");
    return db.inTransaction(c -> Sql.update(c, "UPDATE merge_record SET undone_at = ? WHERE merge_id = ? "
        + "AND undone_at IS NULL", at, mergeId) == 1);
  }

  @Override
  public Optional<CustomerId> absorbedInto(CustomerId customer) {
    return db.inTransaction(c -> Sql.first(c, "SELECT survivor_id FROM merge_record WHERE absorbed_id = ? "
        + "AND undone_at IS NULL ORDER BY seq DESC", rs -> CustomerId.of(rs.getString(1)), customer.value()));
  }

  @Override
  public List<MergeRecord> mergesOf(CustomerId customer) {
    return db.inTransaction(c -> Sql.query(c, "SELECT body, undone_at FROM merge_record WHERE survivor_id = ? "
        + "OR absorbed_id = ? ORDER BY seq", this::merge, customer.value(), customer.value()));
  }

  @Override
  public void recordConflict(IdentityConflict conflict) {
    String body = write(conflict);
    db.inTransaction(c -> {
      long seq;
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO identity_conflict (body) VALUES (?)",
          Statement.RETURN_GENERATED_KEYS)) {
        insert.setString(1, body);
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          if (!keys.next()) {
            throw new ScrmException("the database returned no key for a new identity conflict");
          }
          seq = keys.getLong(1);
        }
      }
      for (CustomerId customer : conflict.customers().stream().distinct().toList()) {
        Sql.update(c, "INSERT INTO identity_conflict_customer (conflict_seq, customer_id) VALUES (?, ?)", seq,
            customer.value());
      }
      return null;
    });
  }

  @Override
  public List<IdentityConflict> conflicts() {
    return db.inTransaction(c -> Sql.query(c, "SELECT body FROM identity_conflict ORDER BY seq",
        rs -> read(rs.getString(1), IdentityConflict.class)));
  }

  @Override
  public List<IdentityConflict> conflictsOf(CustomerId customer) {
    return db.inTransaction(c -> Sql.query(c, "SELECT k.body FROM identity_conflict k JOIN identity_conflict_customer "
        + "u ON u.conflict_seq = k.seq WHERE u.customer_id = ? ORDER BY k.seq",
        rs -> read(rs.getString(1), IdentityConflict.class), customer.value()));
  }

  @Override
  public void redact(CustomerId customer) {
    db.inTransaction(c -> {
      List<String[]> rows = Sql.query(c, "SELECT merge_id, body FROM merge_record WHERE survivor_id = ? "
          + "OR absorbed_id = ? FOR UPDATE", rs -> new String[] {rs.getString(1), rs.getString(2)}, customer.value(),
          customer.value());
      for (String[] row : rows) {
        MergeRecord r = read(row[1], MergeRecord.class);
        MergeRecord redacted = new MergeRecord(r.mergeId(), r.survivor(), r.absorbed(), List.of(), r.eventId(),
            List.of(), r.mergedAt(), null);
        Sql.update(c, "UPDATE merge_record SET body = ? WHERE merge_id = ?", write(redacted), row[0]);
      }
      List<Long> seqs = Sql.query(c, "SELECT conflict_seq FROM identity_conflict_customer WHERE customer_id = ?",
          rs -> rs.getLong(1), customer.value());
      for (long seq : seqs) {
        Sql.update(c, "DELETE FROM identity_conflict_customer WHERE conflict_seq = ?", seq);
        Sql.update(c, "DELETE FROM identity_conflict WHERE seq = ?", seq);
      }
      return null;
    });
  }

  /** The record as stored, with the undo instant from its column (the body is written once, not undone). */
  private MergeRecord merge(ResultSet rs) throws java.sql.SQLException {
    MergeRecord r = read(rs.getString(1), MergeRecord.class);
    Instant undone = Sql.nullableInstant(rs, "undone_at");
    return undone == null ? r : r.undoneAt(undone);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new ScrmException("a merge record or conflict could not be written as JSON", e);
    }
  }

  private <T> T read(String body, Class<T> type) {
    try {
      return json.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new ScrmException("a stored merge record or conflict is unreadable: " + ScrmJson.describe(e), e);
    }
  }

  /** Counts nothing and names nothing: the database holds the records. */
  @Override
  public String toString() {
    return "JdbcMergeStore";
  }
}
