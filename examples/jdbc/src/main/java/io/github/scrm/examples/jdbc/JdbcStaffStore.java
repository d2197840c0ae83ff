package io.github.scrm.examples.jdbc;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.StaffStore;
import io.github.scrm.core.staff.AcquisitionCode;
import io.github.scrm.core.staff.CustomerOwnership;
import io.github.scrm.core.staff.ImmutableStaffMember;
import io.github.scrm.core.staff.PendingTransfer;
import io.github.scrm.core.staff.StaffId;
import io.github.scrm.core.staff.StaffMember;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link StaffStore} over JDBC, at {@code READ COMMITTED}. Ownership is optimistic: version 1 is an {@code INSERT}
 * that fails quietly on the primary key, every later version an {@code UPDATE ... WHERE customer_id = ? AND version =
 * ?}, and the row count says who won. The current owner and the pending transfer are columns, so {@link #ownedBy},
 * {@link #load} and {@link #pendingDueBy} are indexed queries; the period history is JSON. {@link #saveStaff} inserts
 * the member if absent and then locks their row, so that concurrent saves of one member queue instead of failing on
 * the primary key. Lists are sorted in Java so that their order does not depend on the database's collation.
 * Thread-safe.
 */
public final class JdbcStaffStore implements StaffStore {

  private final JdbcDatabase db;
  private final OwnershipCodec codec = new OwnershipCodec();

  private JdbcStaffStore(JdbcDatabase db) {
    this.db = db;
  }

  /** A store over {@code database}, migrated by {@link SchemaMigrations}. */
  public static JdbcStaffStore create(JdbcDatabase database) {
    return new JdbcStaffStore(Objects.requireNonNull(database, "database"));
  }

  @Override
  public void saveStaff(StaffMember member) {
    Objects.requireNonNull(member, "member");
    db.inTransaction(c -> {
      // insert-if-absent, then the update locks the member's row: concurrent saves of one member, also of a new one,
      // queue here instead of failing on the primary key, and each then replaces the codes on its own
      Sql.update(c, "INSERT INTO staff_member (staff_id, store, departed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
          member.id().value(), member.store(), Sql.instantOrNull(member.departedAt()));
      Sql.update(c, "UPDATE staff_member SET store = ?, departed_at = ? WHERE staff_id = ?", member.store(),
          Sql.instantOrNull(member.departedAt()), member.id().value());
      for (AcquisitionCode code : member.codes()) {
        refuseIfHeldByAnother(c, code, member);
      }
      Sql.update(c, "DELETE FROM staff_code WHERE staff_id = ?", member.id().value());
      for (AcquisitionCode code : member.codes()) {
        // another member's save may have taken the code since the check: its insert waits for that save to end and
        // then inserts nothing, and the check again names the holder (the transaction rolls back). If the holder has
        // given the code up again by the time of the check, the code is free: try the insert once more
        while (Sql.update(c, "INSERT INTO staff_code (code, staff_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            code.state(), member.id().value()) == 0) {
          if (refuseIfHeldByAnother(c, code, member)) {
            break;
          }
        }
      }
      return null;
    });
  }

  /** Refuses a code another member holds; returns whether {@code member} holds it already. */
  private static boolean refuseIfHeldByAnother(Connection c, AcquisitionCode code, StaffMember member)
      throws SQLException {
    Optional<String> holder =
        Sql.first(c, "SELECT staff_id FROM staff_code WHERE code = ?", rs -> rs.getString(1), code.state());
    if (holder.isPresent() && !holder.get().equals(member.id().value())) {
      throw new IllegalArgumentException("acquisition code must belong to one staff member, but " + code
          + " already belongs to " + holder.get());
    }
    return holder.isPresent();
  }

  @Override
  public Optional<StaffMember> findStaff(StaffId id) {
    return db.inTransaction(c -> staff(c, id.value()));
  }

  @Override
  public Optional<StaffMember> findByCode(AcquisitionCode code) {
    return db.inTransaction(c -> {
      Optional<String> holder = Sql.first(c, "SELECT staff_id FROM staff_code WHERE code = ?", rs -> rs.getString(1),
          code.state());
      return holder.isEmpty() ? Optional.<StaffMember>empty() : staff(c, holder.get());
    });
  }

  @Override
  public List<StaffMember> allStaff() {
    return db.inTransaction(c -> {
      List<String> ids = Sql.query(c, "SELECT staff_id FROM staff_member", rs -> rs.getString(1));
      List<StaffMember> all = new ArrayList<>();
      for (String id : ids) {
        staff(c, id).ifPresent(all::add);
      }
      all.sort(Comparator.comparing(StaffMember::id));
      return all;
    });
  }

  private static Optional<StaffMember> staff(Connection c, String id) throws SQLException {
    Optional<ImmutableStaffMember.Builder> builder = Sql.first(c,
        "SELECT store, departed_at FROM staff_member WHERE staff_id = ?",
        rs -> ImmutableStaffMember.builder().id(StaffId.of(id)).store(rs.getString(1))
            .departedAt(Optional.ofNullable(Sql.nullableInstant(rs, "departed_at"))), id);
    if (builder.isEmpty()) {
      return Optional.empty();
    }
    for (String code : Sql.query(c, "SELECT code FROM staff_code WHERE staff_id = ?", rs -> rs.getString(1), id)) {
      builder.get().addCodes(AcquisitionCode.of(code));
    }
    return Optional.of(builder.get().build());
  }

  @Override
  public Optional<CustomerOwnership> findOwnership(CustomerId customer) {
    return db.inTransaction(c -> Sql.first(c, "SELECT version, history FROM customer_ownership WHERE customer_id = ?",
        rs -> codec.read(customer, rs.getLong(1), rs.getString(2)), customer.value()));
  }

  @Override
  public boolean saveOwnership(CustomerOwnership ownership) {
    Objects.requireNonNull(ownership, "ownership");
    String owner = ownership.currentOwner().map(StaffId::value).orElse(null);
    String pendingTo = ownership.pending().map(t -> t.to().value()).orElse(null);
    Object pendingAt = Sql.instantOrNull(ownership.pending().map(PendingTransfer::effectiveAt));
    String history = codec.write(ownership);
    return db.inTransaction(c -> {
      if (ownership.version() == 1) {
        return Sql.update(c, "INSERT INTO customer_ownership (customer_id, version, owner_id, pending_to, "
            + "pending_effective_at, history) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            ownership.customer().value(), 1L, owner, pendingTo, pendingAt, history) == 1;
      }
      return Sql.update(c, "UPDATE customer_ownership SET version = ?, owner_id = ?, pending_to = ?, "
          + "pending_effective_at = ?, history = ? WHERE customer_id = ? AND version = ?", ownership.version(), owner,
          pendingTo, pendingAt, history, ownership.customer().value(), ownership.version() - 1) == 1;
    });
  }

  @Override
  public boolean forgetOwnership(CustomerId customer) {
    return db.inTransaction(c -> Sql.update(c, "DELETE FROM customer_ownership WHERE customer_id = ?",
        customer.value()) == 1);
  }

  @Override
  public List<CustomerId> ownedBy(StaffId staff) {
    return sorted(db.inTransaction(c -> Sql.query(c, "SELECT customer_id FROM customer_ownership WHERE owner_id = ?",
        rs -> CustomerId.of(rs.getString(1)), staff.value())));
  }

  @Override
  public int load(StaffId staff) {
    return db.inTransaction(c -> Sql.first(c, "SELECT (SELECT COUNT(*) FROM customer_ownership WHERE owner_id = ?) "
        + "+ (SELECT COUNT(*) FROM customer_ownership WHERE pending_to = ?)", rs -> rs.getInt(1), staff.value(),
        staff.value()).orElse(0));
  }

  @Override
  public List<CustomerId> pendingDueBy(Instant instant) {
    return sorted(db.inTransaction(c -> Sql.query(c, "SELECT customer_id FROM customer_ownership "
        + "WHERE pending_effective_at <= ?", rs -> CustomerId.of(rs.getString(1)), instant)));
  }

  private static List<CustomerId> sorted(List<CustomerId> ids) {
    List<CustomerId> copy = new ArrayList<>(ids);
    copy.sort(Comparator.naturalOrder());
    return copy;
  }
}
