package io.github.scrm.examples.jdbc;

import io.github.scrm.core.ScrmException;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.profile.CustomerProfile;
import io.github.scrm.core.profile.ProfileCodec;
import io.github.scrm.core.spi.ProfileStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The {@link ProfileStore} over JDBC, at {@code READ COMMITTED}: one {@code customer_profile} row per customer with
 * the profile in {@link ProfileCodec}'s lossless JSON form and a version that grows by one on every write.
 *
 * <p>{@link #update} is atomic per customer by locking: it inserts an empty row if none exists ({@code INSERT ... ON
 * CONFLICT DO NOTHING}, so two first updates racing on the primary key both go on), locks the row with
 * {@code SELECT ... FOR UPDATE}, applies {@code change} and writes the result with an {@code UPDATE ... WHERE version =
 * ?} whose row count is checked. Concurrent updates of one customer queue on the row lock; updates of different
 * customers do not wait for each other. {@code change} runs once per attempt (a serialization failure retried by
 * {@link JdbcDatabase#inTransaction} runs it again), inside the transaction: keep it short and free of side effects.
 *
 * <p>{@link #forEach} reads in pages by customer id, each in its own short transaction, and calls the action outside
 * them. Thread-safe.
 */
public final class JdbcProfileStore implements ProfileStore {

  static final int PAGE = 500;
  private static final int MAX_LOCK_ATTEMPTS = 5;

  private final JdbcDatabase db;

  private JdbcProfileStore(JdbcDatabase db) {
    this.db = db;
  }

  /** A store over {@code database}, migrated by {@link SchemaMigrations}. */
  public static JdbcProfileStore create(JdbcDatabase database) {
    return new JdbcProfileStore(Objects.requireNonNull(database, "database"));
  }

  @Override
  public Optional<CustomerProfile> find(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    return db.inTransaction(c -> Sql.first(c, "SELECT profile FROM customer_profile WHERE customer_id = ?",
        rs -> decode(customer, rs.getString(1)), customer.value()));
  }

  @Override
  public CustomerProfile update(CustomerId customer, UnaryOperator<CustomerProfile> change) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(change, "change");
    return db.inTransaction(c -> {
      Row row = lock(c, customer);
      CustomerProfile next = Objects.requireNonNull(change.apply(row.profile()), "change returned null");
      if (!next.id().equals(customer)) {
        throw new IllegalArgumentException("an update of " + customer + " must keep its id, but returned "
            + next.id());
      }
      int updated = Sql.update(c, "UPDATE customer_profile SET profile = ?, version = ? "
          + "WHERE customer_id = ? AND version = ?", ProfileCodec.toJson(next), row.version() + 1, customer.value(),
          row.version());
      if (updated != 1) {
        throw new ScrmException("profile row of " + customer + " must be locked at version " + row.version()
            + " while it is updated, but the update changed " + updated + " rows");
      }
      return next;
    });
  }

  /** The row of {@code customer}, locked for this transaction; inserted empty first if absent. */
  private static Row lock(Connection c, CustomerId customer) throws SQLException {
    for (int attempt = 1; attempt <= MAX_LOCK_ATTEMPTS; attempt++) {
      Optional<Row> row = Sql.first(c, "SELECT version, profile FROM customer_profile WHERE customer_id = ? "
          + "FOR UPDATE", rs -> new Row(rs.getLong(1), decode(customer, rs.getString(2))), customer.value());
      if (row.isPresent()) {
        return row.get();
      }
      // absent: insert an empty row; if another transaction inserted it first, this does nothing and the next
      // SELECT ... FOR UPDATE waits for that transaction and locks its row
      Sql.update(c, "INSERT INTO customer_profile (customer_id, version, profile) VALUES (?, ?, ?) "
          + "ON CONFLICT DO NOTHING", customer.value(), 0L, ProfileCodec.toJson(CustomerProfile.empty(customer)));
    }
    throw new ScrmException("profile row of " + customer + " must exist after inserting it, but was removed "
        + MAX_LOCK_ATTEMPTS + " times in a row by concurrent removals");
  }

  @Override
  public void put(CustomerProfile profile) {
    Objects.requireNonNull(profile, "profile");
    String json = ProfileCodec.toJson(profile);
    String id = profile.id().value();
    db.inTransaction(c -> {
      for (int attempt = 1; attempt <= MAX_LOCK_ATTEMPTS; attempt++) {
        if (Sql.update(c, "UPDATE customer_profile SET profile = ?, version = version + 1 WHERE customer_id = ?",
            json, id) == 1) {
          return null;
        }
        if (Sql.update(c, "INSERT INTO customer_profile (customer_id, version, profile) VALUES (?, ?, ?) "
            + "ON CONFLICT DO NOTHING", id, 1L, json) == 1) {
          return null;
        }
      }
      throw new ScrmException("profile of " + profile.id() + " must be written, but concurrent inserts and removals "
          + "kept racing it " + MAX_LOCK_ATTEMPTS + " times");
    });
  }

  @Override
  public boolean remove(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    return db.inTransaction(c -> Sql.update(c, "DELETE FROM customer_profile WHERE customer_id = ?",
        customer.value()) == 1);
  }

  @Override
  public long size() {
    return db.inTransaction(c -> Sql.first(c, "SELECT COUNT(*) FROM customer_profile", rs -> rs.getLong(1))
        .orElse(0L));
  }

  @Override
  public void forEach(Consumer<CustomerProfile> action) {
    Objects.requireNonNull(action, "action");
    String after = "";
    while (true) {
      String from = after;
      List<CustomerProfile> page = db.inTransaction(c -> Sql.query(c, "SELECT customer_id, profile "
          + "FROM customer_profile WHERE customer_id > ? ORDER BY customer_id LIMIT " + PAGE,
          rs -> decode(CustomerId.of(rs.getString(1)), rs.getString(2)), from));
      page.forEach(action);
      if (page.size() < PAGE) {
        return;
      }
      after = page.get(page.size() - 1).id().value();
    }
  }

  private static CustomerProfile decode(CustomerId customer, String json) {
    try {
      return ProfileCodec.fromJson(json);
    } catch (IllegalArgumentException e) {
      throw new ScrmException("stored profile of " + customer + " must be readable, but " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "JdbcProfileStore";
  }

  private record Row(long version, CustomerProfile profile) {}
}
