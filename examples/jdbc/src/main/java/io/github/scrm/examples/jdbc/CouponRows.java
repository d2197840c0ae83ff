package io.github.scrm.examples.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.scrm.core.ScrmException;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.ScrmJson;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.campaign.Coupon;
import io.github.scrm.coupons.campaign.CouponStatus;
import io.github.scrm.coupons.code.CouponCode;
import io.github.scrm.coupons.ledger.Actor;
import io.github.scrm.coupons.ledger.LedgerEntry;
import io.github.scrm.coupons.ledger.LedgerEvent;
import io.github.scrm.coupons.spi.CouponUse;
import io.github.scrm.coupons.spi.RefundRecord;
import io.github.scrm.coupons.spi.Reservation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Column lists, row mappers and inserts the coupon store's classes share. */
final class CouponRows {

  static final String COUPON_COLUMNS = "code, campaign_id, batch, holder, issued_to, issued_at, valid_from, "
      + "valid_until, issued_valid_until, status, reservation_id, transferred, restored, version";
  static final String RESERVATION_COLUMNS =
      "id, order_id, customer_id, state, version, created_at, expires_at, gmv_fen, body, refunds";

  private static final ObjectMapper JSON = ScrmJson.mapper();
  private static final TypeReference<List<RefundRecord>> REFUNDS = new TypeReference<>() {};

  private CouponRows() {}

  /** One coupon's part of a reservation as stored in the body column. */
  record UseDoc(String code, String campaign, long discountFen, Map<String, Long> allocation) {}

  /** The write-once part of a reservation. */
  record BodyDoc(List<UseDoc> uses, Map<String, Long> lineQuantities, Map<String, Long> lineNetFen) {}

  static Coupon coupon(ResultSet rs) throws SQLException {
    return new Coupon(new CouponCode(rs.getString("code")), CampaignId.of(rs.getString("campaign_id")),
        rs.getString("batch"), CustomerId.of(rs.getString("holder")), Sql.instant(rs, "issued_at"),
        Sql.instant(rs, "valid_from"), Sql.instant(rs, "valid_until"), CouponStatus.valueOf(rs.getString("status")),
        Optional.ofNullable(rs.getString("reservation_id")), rs.getBoolean("transferred"), rs.getBoolean("restored"),
        rs.getLong("version"));
  }

  /** The coupon exactly as it was issued: what a repeated issuance key returns. */
  static Coupon asIssued(ResultSet rs) throws SQLException {
    return new Coupon(new CouponCode(rs.getString("code")), CampaignId.of(rs.getString("campaign_id")),
        rs.getString("batch"), CustomerId.of(rs.getString("issued_to")), Sql.instant(rs, "issued_at"),
        Sql.instant(rs, "valid_from"), Sql.instant(rs, "issued_valid_until"), CouponStatus.AVAILABLE,
        Optional.empty(), false, false, 0);
  }

  static Optional<Coupon> coupon(Connection c, String code) throws SQLException {
    return Sql.first(c, "SELECT " + COUPON_COLUMNS + " FROM coupon WHERE code = ?", CouponRows::coupon, code);
  }

  /** Inserts a newly issued coupon unless its code is taken; returns whether it did. */
  static boolean insertCoupon(Connection c, Coupon coupon) throws SQLException {
    return Sql.update(c, "INSERT INTO coupon (" + COUPON_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        + "?, ?) ON CONFLICT DO NOTHING",
        coupon.code().value(), coupon.campaign().value(), coupon.batch(), coupon.holder().value(),
        coupon.holder().value(), coupon.issuedAt(), coupon.validFrom(), coupon.validUntil(), coupon.validUntil(),
        coupon.status().name(), coupon.reservation().orElse(null), coupon.transferred(), coupon.restored(),
        coupon.version()) == 1;
  }

  /** Replaces the mutable columns of {@code next} if the stored version is {@code expectedVersion}. */
  static boolean replaceCoupon(Connection c, long expectedVersion, Coupon next) throws SQLException {
    return Sql.update(c, "UPDATE coupon SET holder = ?, valid_until = ?, status = ?, reservation_id = ?, "
        + "transferred = ?, restored = ?, version = ? WHERE code = ? AND version = ?",
        next.holder().value(), next.validUntil(), next.status().name(), next.reservation().orElse(null),
        next.transferred(), next.restored(), next.version(), next.code().value(), expectedVersion) == 1;
  }

  static void append(Connection c, LedgerEntry e) throws SQLException {
    Sql.update(c, "INSERT INTO coupon_ledger (campaign_id, code, event, idempotency_key, actor_kind, actor_id, "
        + "happened_at, amount_fen, reference_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.campaign().value(), e.code(), e.event().name(), e.idempotencyKey(), e.actor().kind().name(),
        e.actor().id(), e.at(), e.amountFen(), e.reference());
  }

  static LedgerEntry ledgerEntry(ResultSet rs) throws SQLException {
    return new LedgerEntry(CampaignId.of(rs.getString("campaign_id")), rs.getString("code"),
        LedgerEvent.valueOf(rs.getString("event")), rs.getString("idempotency_key"),
        new Actor(Actor.Kind.valueOf(rs.getString("actor_kind")), rs.getString("actor_id")),
        Sql.instant(rs, "happened_at"), rs.getLong("amount_fen"), rs.getString("reference_id"));
  }

  static Reservation reservation(ResultSet rs) throws SQLException {
    BodyDoc body = read(rs.getString("body"), BodyDoc.class);
    List<CouponUse> uses = new ArrayList<>();
    for (UseDoc u : body.uses()) {
      uses.add(new CouponUse(new CouponCode(u.code()), CampaignId.of(u.campaign()), u.discountFen(),
          u.allocation()));
    }
    return new Reservation(rs.getString("id"), rs.getString("order_id"), CustomerId.of(rs.getString("customer_id")),
        uses, body.lineQuantities(), body.lineNetFen(), rs.getLong("gmv_fen"), Sql.instant(rs, "created_at"),
        Sql.instant(rs, "expires_at"), Reservation.State.valueOf(rs.getString("state")),
        refunds(rs.getString("refunds")), rs.getLong("version"));
  }

  static Optional<Reservation> reservation(Connection c, String id) throws SQLException {
    return Sql.first(c, "SELECT " + RESERVATION_COLUMNS + " FROM coupon_reservation WHERE id = ?",
        CouponRows::reservation, id);
  }

  /** Inserts {@code r} unless its id exists; returns whether it did. */
  static boolean insertReservation(Connection c, Reservation r) throws SQLException {
    List<UseDoc> uses = new ArrayList<>();
    for (CouponUse u : r.uses()) {
      uses.add(new UseDoc(u.code().value(), u.campaign().value(), u.discountFen(), u.allocation()));
    }
    String body = write(new BodyDoc(uses, r.lineQuantities(), r.lineNetFen()));
    return Sql.update(c, "INSERT INTO coupon_reservation (" + RESERVATION_COLUMNS + ") "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        r.id(), r.orderId(), r.customer().value(), r.state().name(), r.version(), r.createdAt(), r.expiresAt(),
        r.gmvFen(), body, write(r.refunds())) == 1;
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new ScrmException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  static <T> T read(String text, Class<T> type) {
    try {
      return JSON.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new ScrmException("stored " + type.getSimpleName() + " is unreadable: " + ScrmJson.describe(e), e);
    }
  }

  private static List<RefundRecord> refunds(String text) {
    try {
      return JSON.readValue(text, REFUNDS);
    } catch (JsonProcessingException e) {
      throw new ScrmException("stored refunds are unreadable: " + ScrmJson.describe(e), e);
    }
  }
}
