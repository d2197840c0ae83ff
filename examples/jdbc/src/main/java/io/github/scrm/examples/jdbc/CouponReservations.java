package io.github.scrm.examples.jdbc;

import io.github.scrm.core.ScrmException;
import io.github.scrm.coupons.campaign.Coupon;
import io.github.scrm.coupons.ledger.LedgerEntry;
import io.github.scrm.coupons.ledger.LedgerEvent;
import io.github.scrm.coupons.spi.CouponUse;
import io.github.scrm.coupons.spi.RefundRecord;
import io.github.scrm.coupons.spi.Reservation;
import io.github.scrm.coupons.spi.ReserveOutcome;
import io.github.scrm.coupons.spi.SettleOutcome;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reservations of the JDBC coupon store: reserve, confirm, release and refunds. Each call is one {@code READ
 * COMMITTED} transaction; a reservation moves between states by {@code UPDATE ... WHERE id = ? AND version = ? AND
 * state = ?}, a coupon is held by {@code UPDATE ... WHERE status = 'AVAILABLE' AND holder = ?} (the reservation's
 * customer) in code order (so two reservations never wait on each other in a cycle), and committed discount grows only
 * below the campaign's budget. An order holds one live reservation, claimed on its row of {@code coupon_order_claim}
 * in the same transaction.
 */
final class CouponReservations {

  private final JdbcDatabase db;

  CouponReservations(JdbcDatabase db) {
    this.db = db;
  }

  /** Thrown inside a unit to roll it back and report a refusal. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient ReserveOutcome outcome;

    Refusal(ReserveOutcome outcome) {
      super(null, null, false, false);
      this.outcome = outcome;
    }
  }

  ReserveOutcome reserve(Reservation reservation, Instant now, LedgerEntry template) {
    try {
      return db.inTransaction(c -> hold(c, reservation, now, template));
    } catch (Refusal refusal) {
      return refusal.outcome;
    }
  }

  private ReserveOutcome hold(Connection c, Reservation reservation, Instant now, LedgerEntry template)
      throws SQLException {
    Reservation active = new Reservation(reservation.id(), reservation.orderId(), reservation.customer(),
        reservation.uses(), reservation.lineQuantities(), reservation.lineNetFen(), reservation.gmvFen(),
        reservation.createdAt(), reservation.expiresAt(), Reservation.State.ACTIVE, List.of(), 0);
    // The id is the idempotency key, so it is claimed before any coupon: a retry sent while this call still runs
    // waits on the primary key (PostgreSQL) and then reads the committed row, instead of finding its own coupon held
    // and being refused IN_USE. A refusal below rolls the row back with everything else.
    if (!CouponRows.insertReservation(c, active)) {
      return CouponRows.reservation(c, reservation.id()).<ReserveOutcome>map(ReserveOutcome.Repeated::new)
          .orElse(new ReserveOutcome.Refused(ReserveOutcome.Reason.IN_PROGRESS, ""));
    }
    claimOrder(c, reservation, now);
    List<CouponUse> uses = new ArrayList<>(reservation.uses());
    uses.sort(Comparator.comparing(u -> u.code().value()));
    for (CouponUse use : uses) {
      holdOne(c, reservation, use, now, template);
    }
    Map<String, Long> byCampaign = new TreeMap<>();
    for (CouponUse use : uses) {
      byCampaign.merge(use.campaign().value(), use.discountFen(), Long::sum);
    }
    for (Map.Entry<String, Long> e : byCampaign.entrySet()) {
      if (Sql.update(c, "UPDATE coupon_campaign SET committed_discount = committed_discount + ? WHERE id = ? "
          + "AND committed_discount <= max_discount - ?", e.getValue(), e.getKey(), e.getValue()) != 1) {
        String code = uses.stream().filter(u -> u.campaign().value().equals(e.getKey())).findFirst()
            .map(u -> u.code().value()).orElse("");
        throw new Refusal(new ReserveOutcome.Refused(ReserveOutcome.Reason.BUDGET_EXHAUSTED, code));
      }
    }
    for (CouponUse use : uses) {
      CouponRows.append(c, template.derive(use.campaign(), use.code().value(), LedgerEvent.RESERVED,
          use.discountFen()));
    }
    return new ReserveOutcome.Reserved(active);
  }

  /**
   * Points the order's row of {@code coupon_order_claim} at {@code reservation} unless the order has another live
   * reservation (active within its TTL, or confirmed): an order holds one live reservation, so that the stacking rules
   * hold for the whole order and a refund of the order reaches every coupon it used. The engine checks this before
   * calling; the row is where two reservations of one order that both passed that check meet: the second waits on the
   * first's uncommitted insert or update, then sees its reservation.
   */
  private static void claimOrder(Connection c, Reservation reservation, Instant now) throws SQLException {
    String orderId = reservation.orderId();
    for (int attempt = 0; attempt < 3; attempt++) {
      if (Sql.update(c, "INSERT INTO coupon_order_claim (order_id, reservation_id) VALUES (?, ?) "
          + "ON CONFLICT DO NOTHING", orderId, reservation.id()) == 1) {
        return;
      }
      Optional<String> current = Sql.first(c, "SELECT reservation_id FROM coupon_order_claim WHERE order_id = ?",
          rs -> rs.getString(1), orderId);
      if (current.isEmpty()) {
        continue;
      }
      if (CouponRows.reservation(c, current.get()).filter(r -> live(r, now)).isPresent()) {
        throw refused(ReserveOutcome.Reason.ORDER_ALREADY_RESERVED, "");
      }
      if (Sql.update(c, "UPDATE coupon_order_claim SET reservation_id = ? WHERE order_id = ? AND reservation_id = ?",
          reservation.id(), orderId, current.get()) == 1) {
        return;
      }
    }
    // the order changed hands under each attempt: another reservation of it is being made right now
    throw refused(ReserveOutcome.Reason.ORDER_ALREADY_RESERVED, "");
  }

  private static boolean live(Reservation r, Instant now) {
    return r.state() == Reservation.State.CONFIRMED
        || r.state() == Reservation.State.ACTIVE && now.isBefore(r.expiresAt());
  }

  private void holdOne(Connection c, Reservation reservation, CouponUse use, Instant now, LedgerEntry template)
      throws SQLException {
    String code = use.code().value();
    String customer = reservation.customer().value();
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<String[]> row = Sql.first(c, "SELECT p.status, p.reservation_id, k.status, p.holder FROM coupon p "
          + "JOIN coupon_campaign k ON k.id = p.campaign_id WHERE p.code = ? AND p.campaign_id = ?",
          rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}, code,
          use.campaign().value());
      // the engine checked the holder when it priced the order; a coupon transferred since then must not reach its
      // former holder, so it counts as not theirs here and the update below is conditional on the holder too
      if (row.isEmpty() || !customer.equals(row.get()[3])) {
        throw refused(ReserveOutcome.Reason.UNKNOWN_COUPON, code);
      }
      String status = row.get()[0];
      switch (status) {
        case "REDEEMED" -> throw refused(ReserveOutcome.Reason.USED, code);
        case "FROZEN", "REVOKED" -> throw refused(ReserveOutcome.Reason.FROZEN, code);
        case "RESERVED" -> {
          if (!expireHolder(c, row.get()[1], now, template)) {
            throw refused(ReserveOutcome.Reason.IN_USE, code);
          }
          continue;
        }
        default -> { }
      }
      if (!"ACTIVE".equals(row.get()[2])) {
        throw refused(ReserveOutcome.Reason.FROZEN, code);
      }
      if (Sql.update(c, "UPDATE coupon SET status = 'RESERVED', reservation_id = ?, version = version + 1 "
          + "WHERE code = ? AND status = 'AVAILABLE' AND holder = ?", reservation.id(), code, customer) == 1) {
        return;
      }
    }
    throw refused(ReserveOutcome.Reason.IN_USE, code);
  }

  private static Refusal refused(ReserveOutcome.Reason reason, String code) {
    return new Refusal(new ReserveOutcome.Refused(reason, code));
  }

  /** Ends the reservation {@code holderId} if its TTL passed at {@code now}; true if its coupons may be free. */
  private boolean expireHolder(Connection c, String holderId, Instant now, LedgerEntry template)
      throws SQLException {
    Optional<Reservation> holder = CouponRows.reservation(c, holderId);
    if (holder.isEmpty() || holder.get().state() != Reservation.State.ACTIVE
        || now.isBefore(holder.get().expiresAt())) {
      return false;
    }
    end(c, holder.get(), Reservation.State.EXPIRED, template.derive(template.campaign(), "", LedgerEvent.EXPIRED, 0));
    return true;
  }

  SettleOutcome confirm(String reservationId, Instant now, LedgerEntry template) {
    return db.inTransaction(c -> {
      for (int attempt = 0; attempt < 5; attempt++) {
        Optional<Reservation> found = CouponRows.reservation(c, reservationId);
        if (found.isEmpty()) {
          return new SettleOutcome.NotFound(reservationId);
        }
        Reservation r = found.get();
        if (r.state() != Reservation.State.ACTIVE) {
          return new SettleOutcome.Unchanged(r);
        }
        if (!now.isBefore(r.expiresAt())) {
          end(c, r, Reservation.State.EXPIRED, template.derive(template.campaign(), "", LedgerEvent.EXPIRED, 0));
          return new SettleOutcome.Unchanged(CouponRows.reservation(c, reservationId).orElseThrow());
        }
        for (CouponUse u : r.uses()) {
          if (!"ACTIVE".equals(Sql.first(c, "SELECT status FROM coupon_campaign WHERE id = ?", rs -> rs.getString(1),
              u.campaign().value()).orElse(""))) {
            return new SettleOutcome.CampaignNotActive(r);
          }
        }
        if (!moveState(c, r, Reservation.State.CONFIRMED)) {
          continue; // another call moved it first: read it again
        }
        for (CouponUse u : r.uses()) {
          requireOne(Sql.update(c, "UPDATE coupon SET status = 'REDEEMED', version = version + 1 WHERE code = ? "
              + "AND reservation_id = ? AND status = 'RESERVED'", u.code().value(), r.id()), u.code().value());
          addRedeemed(c, u.campaign().value(), 1);
          CouponRows.append(c, template.derive(u.campaign(), u.code().value(), LedgerEvent.REDEEMED,
              u.discountFen()));
        }
        return new SettleOutcome.Settled(r.with(Reservation.State.CONFIRMED));
      }
      throw new ScrmException("reservation " + reservationId + " kept changing under a confirm; retry the call");
    });
  }

  SettleOutcome release(String reservationId, Instant now, LedgerEntry template) {
    return db.inTransaction(c -> {
      Optional<Reservation> found = CouponRows.reservation(c, reservationId);
      if (found.isEmpty()) {
        return new SettleOutcome.NotFound(reservationId);
      }
      Reservation r = found.get();
      if (r.state() != Reservation.State.ACTIVE) {
        return new SettleOutcome.Unchanged(r);
      }
      boolean expired = !now.isBefore(r.expiresAt());
      Reservation.State next = expired ? Reservation.State.EXPIRED : Reservation.State.RELEASED;
      LedgerEvent event = expired ? LedgerEvent.EXPIRED : LedgerEvent.RELEASED;
      boolean moved = end(c, r, next, template.derive(template.campaign(), "", event, 0));
      Reservation after = CouponRows.reservation(c, reservationId).orElseThrow();
      return moved && !expired ? new SettleOutcome.Settled(after) : new SettleOutcome.Unchanged(after);
    });
  }

  /** Moves an active reservation to RELEASED or EXPIRED and gives its coupons and budget back; false if it lost. */
  private boolean end(Connection c, Reservation r, Reservation.State next, LedgerEntry template)
      throws SQLException {
    if (!moveState(c, r, next)) {
      return false;
    }
    for (CouponUse u : r.uses()) {
      String campaignStatus = Sql.first(c, "SELECT status FROM coupon_campaign WHERE id = ?", rs -> rs.getString(1),
          u.campaign().value()).orElse("ACTIVE");
      String back = switch (campaignStatus) {
        case "FROZEN" -> "FROZEN";
        case "REVOKED" -> "REVOKED";
        default -> "AVAILABLE";
      };
      Sql.update(c, "UPDATE coupon SET status = ?, reservation_id = NULL, version = version + 1 WHERE code = ? "
          + "AND reservation_id = ? AND status = 'RESERVED'", back, u.code().value(), r.id());
      lowerCommitted(c, u.campaign().value(), u.discountFen());
      CouponRows.append(c, template.derive(u.campaign(), u.code().value(), template.event(), u.discountFen()));
    }
    return true;
  }

  private static boolean moveState(Connection c, Reservation r, Reservation.State next) throws SQLException {
    return Sql.update(c, "UPDATE coupon_reservation SET state = ?, version = version + 1 WHERE id = ? "
        + "AND version = ? AND state = ?", next.name(), r.id(), r.version(), r.state().name()) == 1;
  }

  boolean applyRefund(String reservationId, long expectedVersion, RefundRecord record, List<Coupon> restored,
      List<LedgerEntry> entries) {
    return db.inTransaction(c -> {
      Optional<Reservation> found = CouponRows.reservation(c, reservationId);
      if (found.isEmpty() || found.get().version() != expectedVersion
          || found.get().state() != Reservation.State.CONFIRMED) {
        return false;
      }
      Reservation r = found.get();
      List<RefundRecord> refunds = new ArrayList<>(r.refunds());
      refunds.add(record);
      if (Sql.update(c, "UPDATE coupon_reservation SET refunds = ?, version = version + 1 WHERE id = ? "
          + "AND version = ? AND state = 'CONFIRMED'", CouponRows.write(refunds), reservationId,
          expectedVersion) != 1) {
        return false;
      }
      Map<String, String> campaignOf = new HashMap<>();
      for (CouponUse u : r.uses()) {
        campaignOf.put(u.code().value(), u.campaign().value());
      }
      Map<String, Long> lowered = new TreeMap<>();
      record.returnedByCoupon().forEach((code, fen) -> lowered.merge(campaignOf.get(code), fen, Long::sum));
      record.clawbackByCoupon().forEach((code, fen) -> lowered.merge(campaignOf.get(code), fen, Long::sum));
      for (Map.Entry<String, Long> e : lowered.entrySet()) {
        lowerCommitted(c, e.getKey(), e.getValue());
      }
      for (Coupon next : restored) {
        if (CouponRows.replaceCoupon(c, next.version() - 1, next)) {
          addRedeemed(c, next.campaign().value(), -1);
        }
      }
      for (LedgerEntry e : entries) {
        CouponRows.append(c, e);
      }
      return true;
    });
  }

  static void addRedeemed(Connection c, String campaign, int delta) throws SQLException {
    requireOne(Sql.update(c, "UPDATE coupon_campaign SET redeemed = redeemed + ? WHERE id = ? AND redeemed + ? >= 0",
        delta, campaign, delta), campaign);
  }

  private static void lowerCommitted(Connection c, String campaign, long fen) throws SQLException {
    requireOne(Sql.update(c, "UPDATE coupon_campaign SET committed_discount = committed_discount - ? WHERE id = ? "
        + "AND committed_discount >= ?", fen, campaign, fen), campaign);
  }

  /** A conditional update that the unit's own earlier update guarantees; failing means the data is inconsistent. */
  private static void requireOne(int rows, String what) {
    if (rows != 1) {
      throw new ScrmException("coupon store invariant broken: the conditional update of " + what
          + " matched " + rows + " rows, expected 1; the unit was rolled back");
    }
  }
}
