package io.github.scrm.examples.jdbc;

import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.contact.CampaignId;
import io.github.scrm.core.contact.ContactLimit;
import io.github.scrm.core.contact.ContactRecord;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.ContactLedger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link ContactLedger} over JDBC. {@link #recordIfWithin} runs at {@code READ COMMITTED} and serialises callers
 * per customer with {@code SELECT ... FOR UPDATE} on the customer's row in {@code contact_customer}: once it holds that
 * lock, its {@code COUNT(*)} per limit sees every contact committed before, so two callers can never both pass a cap
 * of one. Different customers never wait for each other. Thread-safe.
 */
public final class JdbcContactLedger implements ContactLedger {

  private static final String COLUMNS = "customer_id, channel, purpose, campaign_id, bulk, contacted_at";

  private final JdbcDatabase db;

  private JdbcContactLedger(JdbcDatabase db) {
    this.db = db;
  }

  /** A ledger over {@code database}, migrated by {@link SchemaMigrations}. */
  public static JdbcContactLedger create(JdbcDatabase database) {
    return new JdbcContactLedger(Objects.requireNonNull(database, "database"));
  }

  @Override
  public Optional<ContactLimit> recordIfWithin(ContactRecord record, List<ContactLimit> limits) {
    return db.inTransaction(c -> {
      String customer = record.customer().value();
      Sql.update(c, "INSERT INTO contact_customer (customer_id) VALUES (?) ON CONFLICT DO NOTHING", customer);
      Sql.first(c, "SELECT customer_id FROM contact_customer WHERE customer_id = ? FOR UPDATE",
          rs -> rs.getString(1), customer);
      for (ContactLimit limit : limits) {
        if (count(c, record.customer(), limit) >= limit.max()) {
          return Optional.of(limit);
        }
      }
      Sql.update(c, "INSERT INTO contact_record (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", customer,
          record.channel().name(), record.purpose().name(), record.campaign().map(CampaignId::value).orElse(null),
          record.bulk(), record.at());
      return Optional.empty();
    });
  }

  @Override
  public long count(CustomerId customer, ContactLimit limit) {
    return db.inTransaction(c -> count(c, customer, limit));
  }

  private static long count(Connection c, CustomerId customer, ContactLimit limit) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM contact_record WHERE customer_id = ? "
        + "AND contacted_at >= ? AND contacted_at < ?");
    List<Object> values = new ArrayList<>(List.of(customer.value(), limit.from(), limit.until()));
    if (!limit.channels().isEmpty()) {
      sql.append(" AND channel IN (").append(placeholders(limit.channels().size())).append(')');
      limit.channels().forEach(ch -> values.add(ch.name()));
    }
    if (!limit.purposes().isEmpty()) {
      sql.append(" AND purpose IN (").append(placeholders(limit.purposes().size())).append(')');
      limit.purposes().forEach(p -> values.add(p.name()));
    }
    if (limit.bulkOnly()) {
      sql.append(" AND bulk = TRUE");
    }
    if (limit.campaign().isPresent()) {
      sql.append(" AND campaign_id = ?");
      values.add(limit.campaign().get().value());
    }
    return Sql.first(c, sql.toString(), rs -> rs.getLong(1), values.toArray()).orElse(0L);
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  @Override
  public List<ContactRecord> contactsOf(CustomerId customer) {
    return db.inTransaction(c -> Sql.query(c, "SELECT " + COLUMNS + " FROM contact_record WHERE customer_id = ? "
        + "ORDER BY contacted_at, seq", JdbcContactLedger::record, customer.value()));
  }

  private static ContactRecord record(ResultSet rs) throws SQLException {
    String campaign = rs.getString("campaign_id");
    return new ContactRecord(CustomerId.of(rs.getString("customer_id")),
        ContactChannel.valueOf(rs.getString("channel")), ContactPurpose.valueOf(rs.getString("purpose")),
        campaign == null ? Optional.empty() : Optional.of(CampaignId.of(campaign)), rs.getBoolean("bulk"),
        Sql.instant(rs, "contacted_at"));
  }

  @Override
  public int forget(CustomerId customer) {
    // the customer's lock row stays (it holds only the id), so a concurrent recordIfWithin always finds it
    return db.inTransaction(c -> Sql.update(c, "DELETE FROM contact_record WHERE customer_id = ?",
        customer.value()));
  }

  @Override
  public int pruneBefore(Instant cutoff) {
    return db.inTransaction(c -> Sql.update(c, "DELETE FROM contact_record WHERE contacted_at < ?", cutoff));
  }
}
