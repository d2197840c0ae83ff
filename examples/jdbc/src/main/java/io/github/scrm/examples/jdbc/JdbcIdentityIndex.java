package io.github.scrm.examples.jdbc;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.spi.IdentityIndex;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link IdentityIndex} over JDBC: one row per identifier keyed by (type, scope, value), where the value of a
 * personal identifier is already its keyed hash. {@link #bindIfAbsent} is {@code INSERT ... ON CONFLICT DO NOTHING}
 * followed by a read of the owner in the same {@code READ COMMITTED} transaction, so every concurrent caller sees the
 * one row that won. Thread-safe.
 */
public final class JdbcIdentityIndex implements IdentityIndex {

  private static final String KEY = "id_type = ? AND id_scope = ? AND id_value = ?";

  private final JdbcDatabase db;

  private JdbcIdentityIndex(JdbcDatabase db) {
    this.db = db;
  }

  /** An index over {@code database}, migrated by {@link SchemaMigrations}. */
  public static JdbcIdentityIndex create(JdbcDatabase database) {
    return new JdbcIdentityIndex(Objects.requireNonNull(database, "database"));
  }

  @Override
  public Optional<CustomerId> find(Identifier identifier) {
    return db.inTransaction(c -> Sql.first(c, "SELECT customer_id FROM identity_binding WHERE " + KEY,
        rs -> CustomerId.of(rs.getString(1)), identifier.type().name(), identifier.scope(), identifier.value()));
  }

  @Override
  public CustomerId bindIfAbsent(Identifier identifier, CustomerId customer) {
    return db.inTransaction(c -> {
      Sql.update(c, "INSERT INTO identity_binding (id_type, id_scope, id_value, customer_id) VALUES (?, ?, ?, ?) "
          + "ON CONFLICT DO NOTHING", identifier.type().name(), identifier.scope(), identifier.value(),
          customer.value());
      return Sql.first(c, "SELECT customer_id FROM identity_binding WHERE " + KEY,
          rs -> CustomerId.of(rs.getString(1)), identifier.type().name(), identifier.scope(), identifier.value())
          .orElseThrow(() -> new io.github.scrm.core.ScrmException("identifier " + identifier
              + " was bound and unbound concurrently; retry"));
    });
  }

  @Override
  public void bind(Identifier identifier, CustomerId customer) {
    db.inTransaction(c -> {
      if (Sql.update(c, "UPDATE identity_binding SET customer_id = ? WHERE " + KEY, customer.value(),
          identifier.type().name(), identifier.scope(), identifier.value()) == 0) {
        Sql.update(c, "INSERT INTO identity_binding (id_type, id_scope, id_value, customer_id) VALUES (?, ?, ?, ?) "
            + "ON CONFLICT DO NOTHING", identifier.type().name(), identifier.scope(), identifier.value(),
            customer.value());
        Sql.update(c, "UPDATE identity_binding SET customer_id = ? WHERE " + KEY, customer.value(),
            identifier.type().name(), identifier.scope(), identifier.value());
      }
      return null;
    });
  }

  @Override
  public boolean unbind(Identifier identifier, CustomerId customer) {
    return db.inTransaction(c -> Sql.update(c, "DELETE FROM identity_binding WHERE " + KEY + " AND customer_id = ?",
        identifier.type().name(), identifier.scope(), identifier.value(), customer.value()) == 1);
  }
}
