package io.github.scrm.examples.jdbc;

import io.github.scrm.core.ScrmException;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.Audience;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.campaign.CampaignStatus;
import io.github.scrm.coupons.campaign.Coupon;
import io.github.scrm.coupons.campaign.CouponStatus;
import io.github.scrm.coupons.code.CouponCode;
import io.github.scrm.coupons.issuance.ShareToken;
import io.github.scrm.coupons.ledger.LedgerEntry;
import io.github.scrm.coupons.spi.CampaignCounters;
import io.github.scrm.coupons.spi.CouponStore;
import io.github.scrm.coupons.spi.IssueCommand;
import io.github.scrm.coupons.spi.IssueOutcome;
import io.github.scrm.coupons.spi.Quota;
import io.github.scrm.coupons.spi.RefundRecord;
import io.github.scrm.coupons.spi.Reservation;
import io.github.scrm.coupons.spi.ReserveOutcome;
import io.github.scrm.coupons.spi.SettleOutcome;
import io.github.scrm.coupons.spi.TransferOutcome;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The {@link CouponStore} over JDBC. Every method is one transaction at {@code READ COMMITTED}; every counter change
 * is a conditional {@code UPDATE} ({@code issued = issued + 1 WHERE issued < stock}, {@code used = used + 1 WHERE used
 * < ?}, {@code ... WHERE version = ?}) whose row count decides, and a unit whose update does not apply rolls back.
 * Unique keys make idempotency keys, codes, reservation ids and share tokens insert-once.
 *
 * <p>A transfer ({@link #transfer}) changes the coupon's holder and counts it in the receiver's row of
 * {@code coupon_quota} in one transaction.
 *
 * <p>An offline redemption ({@link #redeemOffline}) replaces the coupon and adds its discount to the campaign's
 * committed discount in one transaction, also above {@code max_discount}: the till granted it already.
 *
 * <p>An issuance against a sold-out campaign is a single auto-committed {@code INSERT ... SELECT} that records the
 * refusal under the idempotency key; stock never grows back, so nothing can slip past it. Campaign definitions never
 * change, so they are cached after the first read. Thread-safe.
 */
public final class JdbcCouponStore implements CouponStore {

  /** Marks a unit whose idempotency key was recorded before or by a concurrent call that committed first. */
  private static final IssueOutcome KEY_TAKEN = new IssueOutcome.Repeated(new IssueOutcome.CodeTaken());

  private final JdbcDatabase db;
  private final CampaignCodec codec;
  private final CouponReservations reservations;
  private final Map<CampaignId, Campaign> definitions = new ConcurrentHashMap<>();

  private JdbcCouponStore(JdbcDatabase db, Function<String, Optional<Audience>> audiences) {
    this.db = db;
    this.codec = new CampaignCodec(audiences);
    this.reservations = new CouponReservations(db);
  }

  /** A store over {@code database} (migrated by {@link SchemaMigrations}) for campaigns without an audience. */
  public static JdbcCouponStore create(JdbcDatabase database) {
    return create(database, name -> Optional.empty());
  }

  /**
   * A store over {@code database} that gives campaigns their audience back by name when it reads them; an audience
   * the resolver does not know fails the read, so that a targeted campaign never silently opens to everybody.
   */
  public static JdbcCouponStore create(JdbcDatabase database, Function<String, Optional<Audience>> audiences) {
    return new JdbcCouponStore(Objects.requireNonNull(database, "database"),
        Objects.requireNonNull(audiences, "audiences"));
  }

  @Override
  public boolean createCampaign(Campaign campaign, CampaignStatus initial, LedgerEntry entry) {
    boolean created = db.inTransaction(c -> {
      int rows = Sql.update(c, "INSERT INTO coupon_campaign (id, status, stock, max_liability, max_discount, "
          + "definition) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
          campaign.id().value(), initial.name(), campaign.stock(),
          campaign.maxLiability().map(m -> m.minorUnits()).orElse(Long.MAX_VALUE),
          campaign.maxDiscountGranted().map(m -> m.minorUnits()).orElse(Long.MAX_VALUE), codec.write(campaign));
      if (rows == 1) {
        CouponRows.append(c, entry);
      }
      return rows == 1;
    });
    if (created) {
      definitions.put(campaign.id(), campaign);
    }
    return created;
  }

  @Override
  public Optional<Campaign> campaign(CampaignId id) {
    Campaign cached = definitions.get(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Campaign> read = db.inTransaction(c -> Sql.first(c,
        "SELECT definition FROM coupon_campaign WHERE id = ?", rs -> codec.read(rs.getString(1)), id.value()));
    read.ifPresent(campaign -> definitions.put(id, campaign));
    return read;
  }

  @Override
  public Optional<CampaignStatus> status(CampaignId id) {
    return db.inTransaction(c -> Sql.first(c, "SELECT status FROM coupon_campaign WHERE id = ?",
        rs -> CampaignStatus.valueOf(rs.getString(1)), id.value()));
  }

  @Override
  public boolean changeStatus(CampaignId id, CampaignStatus expected, CampaignStatus next, LedgerEntry entry) {
    return db.inTransaction(c -> {
      if (Sql.update(c, "UPDATE coupon_campaign SET status = ? WHERE id = ? AND status = ?",
          next.name(), id.value(), expected.name()) != 1) {
        return false;
      }
      CouponRows.append(c, entry);
      return true;
    });
  }

  @Override
  public CampaignCounters counters(CampaignId id) {
    return db.inTransaction(c -> Sql.first(c,
        "SELECT issued, liability, redeemed, committed_discount FROM coupon_campaign WHERE id = ?",
        rs -> new CampaignCounters(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), id.value())
        .orElse(new CampaignCounters(0, 0, 0, 0)));
  }

  @Override
  public IssueOutcome issue(IssueCommand command) {
    // once sold out, most calls end here: one statement records the refusal unless the key was seen before
    if (db.inSingleStatement(c -> Sql.update(c, "INSERT INTO coupon_issue_key (idempotency_key, refusal) "
        + "SELECT ?, 'OUT_OF_STOCK' FROM coupon_campaign WHERE id = ? AND status = 'ACTIVE' AND issued >= stock "
        + "ON CONFLICT DO NOTHING", command.idempotencyKey(), command.coupon().campaign().value())) == 1) {
      return new IssueOutcome.Refused(IssueOutcome.Reason.OUT_OF_STOCK);
    }
    return db.inTransaction(c -> {
      IssueOutcome outcome = tryIssue(c, command);
      if (outcome instanceof IssueOutcome.CodeTaken) {
        c.rollback(); // the key stays unused: the engine draws another code
      } else if (outcome == KEY_TAKEN) {
        c.rollback(); // the key was seen before, or a concurrent call with it committed first
        return new IssueOutcome.Repeated(issueOutcome(c, command.idempotencyKey()).orElseThrow());
      }
      return outcome;
    });
  }

  /**
   * The unit of one issuance. A refusal before any change records the key with the refusal; a refusal after the
   * quotas rolls back to the savepoint taken before them and then records the key, so a refused call changes nothing
   * else.
   */
  private IssueOutcome tryIssue(Connection c, IssueCommand command) throws SQLException {
    Coupon coupon = command.coupon();
    String campaign = coupon.campaign().value();
    Optional<long[]> row = Sql.first(c, "SELECT p.issued, p.stock, CASE WHEN p.status = 'ACTIVE' THEN 1 ELSE 0 END,"
        + " CASE WHEN k.idempotency_key IS NULL THEN 0 ELSE 1 END FROM coupon_campaign p "
        + "LEFT JOIN coupon_issue_key k ON k.idempotency_key = ? WHERE p.id = ?",
        rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)},
        command.idempotencyKey(), campaign);
    if (row.isEmpty()) {
      return new IssueOutcome.Refused(IssueOutcome.Reason.UNKNOWN_CAMPAIGN); // not recorded: nothing to repeat
    }
    if (row.get()[3] == 1) {
      return KEY_TAKEN;
    }
    if (row.get()[2] == 0) {
      return refuse(c, command, IssueOutcome.Reason.CAMPAIGN_NOT_ACTIVE);
    }
    if (row.get()[0] >= row.get()[1]) {
      return refuse(c, command, IssueOutcome.Reason.OUT_OF_STOCK); // fast path once sold out
    }
    Savepoint beforeChanges = c.setSavepoint();
    for (Quota q : command.quotas()) {
      Sql.update(c, "INSERT INTO coupon_quota (quota_key, used) VALUES (?, 0) ON CONFLICT DO NOTHING", q.key());
      if (Sql.update(c, "UPDATE coupon_quota SET used = used + 1 WHERE quota_key = ? AND used < ?",
          q.key(), q.limit()) != 1) {
        c.rollback(beforeChanges);
        return refuse(c, command, q.refusal());
      }
    }
    if (!CouponRows.insertCoupon(c, coupon)) {
      return new IssueOutcome.CodeTaken();
    }
    CouponRows.append(c, command.entry());
    if (Sql.update(c, "INSERT INTO coupon_issue_key (idempotency_key, code) VALUES (?, ?) ON CONFLICT DO NOTHING",
        command.idempotencyKey(), coupon.code().value()) != 1) {
      return KEY_TAKEN;
    }
    // the hot campaign row last, so that its row lock is held for the shortest time
    if (Sql.update(c, "UPDATE coupon_campaign SET liability = liability + ?, issued = issued + 1 WHERE id = ? "
        + "AND status = 'ACTIVE' AND liability <= max_liability - ? AND issued < stock",
        command.faceValueFen(), campaign, command.faceValueFen()) != 1) {
      IssueOutcome.Reason reason = whyFull(c, campaign, command.faceValueFen());
      c.rollback(beforeChanges);
      return refuse(c, command, reason);
    }
    return new IssueOutcome.Issued(coupon);
  }

  /** Records the key with {@code reason}; {@link #KEY_TAKEN} when a concurrent call recorded it first. */
  private static IssueOutcome refuse(Connection c, IssueCommand command, IssueOutcome.Reason reason)
      throws SQLException {
    return Sql.update(c, "INSERT INTO coupon_issue_key (idempotency_key, refusal) VALUES (?, ?) "
        + "ON CONFLICT DO NOTHING", command.idempotencyKey(), reason.name()) == 1
        ? new IssueOutcome.Refused(reason) : KEY_TAKEN;
  }

  /** Which condition of the campaign update failed, read after it did. */
  private static IssueOutcome.Reason whyFull(Connection c, String campaign, long face) throws SQLException {
    return Sql.first(c, "SELECT status, liability, max_liability, issued, stock FROM coupon_campaign WHERE id = ?",
        rs -> {
          if (!"ACTIVE".equals(rs.getString(1))) {
            return IssueOutcome.Reason.CAMPAIGN_NOT_ACTIVE;
          }
          return rs.getLong(2) > rs.getLong(3) - face ? IssueOutcome.Reason.BUDGET_EXHAUSTED
              : IssueOutcome.Reason.OUT_OF_STOCK;
        }, campaign).orElse(IssueOutcome.Reason.UNKNOWN_CAMPAIGN);
  }

  @Override
  public Optional<IssueOutcome> issueOutcome(String idempotencyKey) {
    return db.inTransaction(c -> issueOutcome(c, idempotencyKey));
  }

  private static Optional<IssueOutcome> issueOutcome(Connection c, String idempotencyKey) throws SQLException {
    return Sql.first(c, "SELECT k.refusal, " + prefixed("p.") + " FROM coupon_issue_key k "
        + "LEFT JOIN coupon p ON p.code = k.code WHERE k.idempotency_key = ?",
        rs -> rs.getString("refusal") != null
            ? new IssueOutcome.Refused(IssueOutcome.Reason.valueOf(rs.getString("refusal")))
            : new IssueOutcome.Issued(CouponRows.asIssued(rs)), idempotencyKey);
  }

  private static String prefixed(String prefix) {
    return prefix + CouponRows.COUPON_COLUMNS.replace(", ", ", " + prefix);
  }

  @Override
  public Optional<Coupon> coupon(CouponCode code) {
    return db.inTransaction(c -> CouponRows.coupon(c, code.value()));
  }

  @Override
  public List<Coupon> wallet(CustomerId holder) {
    return db.inTransaction(c -> Sql.query(c, "SELECT " + CouponRows.COUPON_COLUMNS
        + " FROM coupon WHERE holder = ? ORDER BY seq", CouponRows::coupon, holder.value()));
  }

  @Override
  public List<Coupon> coupons(CampaignId campaign) {
    return db.inTransaction(c -> Sql.query(c, "SELECT " + CouponRows.COUPON_COLUMNS
        + " FROM coupon WHERE campaign_id = ? ORDER BY seq", CouponRows::coupon, campaign.value()));
  }

  @Override
  public boolean replace(Coupon expected, Coupon next, LedgerEntry entry) {
    return db.inTransaction(c -> replace(c, expected, next, entry));
  }

  private static boolean replace(Connection c, Coupon expected, Coupon next, LedgerEntry entry)
      throws SQLException {
    if (!CouponRows.replaceCoupon(c, expected.version(), next)) {
      return false;
    }
    boolean wasRedeemed = expected.status() == CouponStatus.REDEEMED;
    boolean isRedeemed = next.status() == CouponStatus.REDEEMED;
    if (wasRedeemed != isRedeemed) {
      CouponReservations.addRedeemed(c, next.campaign().value(), isRedeemed ? 1 : -1);
    }
    CouponRows.append(c, entry);
    return true;
  }

  @Override
  public TransferOutcome transfer(Coupon expected, Coupon next, Quota receiverQuota, LedgerEntry entry) {
    return db.inTransaction(c -> {
      if (!replace(c, expected, next, entry)) {
        return TransferOutcome.COUPON_CHANGED;
      }
      Sql.update(c, "INSERT INTO coupon_quota (quota_key, used) VALUES (?, 0) ON CONFLICT DO NOTHING",
          receiverQuota.key());
      if (Sql.update(c, "UPDATE coupon_quota SET used = used + 1 WHERE quota_key = ? AND used < ?",
          receiverQuota.key(), receiverQuota.limit()) != 1) {
        c.rollback(); // the coupon and its ledger entry go back with it
        return TransferOutcome.RECEIVER_LIMIT;
      }
      return TransferOutcome.TRANSFERRED;
    });
  }

  @Override
  public boolean redeemOffline(Coupon expected, Coupon next, long discountFen, LedgerEntry entry) {
    return db.inTransaction(c -> {
      if (!replace(c, expected, next, entry)) {
        return false;
      }
      // granted at the till already: counted even above max_discount (V7 keeps only the floor), the engine reports
      // the overrun; the campaign row is the one addRedeemed just updated, so it exists
      if (Sql.update(c, "UPDATE coupon_campaign SET committed_discount = committed_discount + ? WHERE id = ?",
          discountFen, next.campaign().value()) != 1) {
        throw new ScrmException("coupon store invariant broken: campaign " + next.campaign().value()
            + " of coupon " + expected.code() + " vanished during an offline redemption; the unit was rolled back");
      }
      return true;
    });
  }

  @Override
  public ReserveOutcome reserve(Reservation reservation, Instant now, LedgerEntry template) {
    return reservations.reserve(reservation, now, template);
  }

  @Override
  public SettleOutcome confirm(String reservationId, Instant now, LedgerEntry template) {
    return reservations.confirm(reservationId, now, template);
  }

  @Override
  public SettleOutcome release(String reservationId, Instant now, LedgerEntry template) {
    return reservations.release(reservationId, now, template);
  }

  @Override
  public Optional<Reservation> reservation(String id) {
    return db.inTransaction(c -> CouponRows.reservation(c, id));
  }

  @Override
  public Optional<Reservation> reservationForOrder(String orderId) {
    return db.inTransaction(c -> Sql.first(c, "SELECT " + CouponRows.RESERVATION_COLUMNS
        + " FROM coupon_reservation WHERE order_id = ? ORDER BY seq DESC", CouponRows::reservation, orderId));
  }

  @Override
  public boolean applyRefund(String reservationId, long expectedVersion, RefundRecord record, List<Coupon> restored,
      List<LedgerEntry> entries) {
    return reservations.applyRefund(reservationId, expectedVersion, record, restored, entries);
  }

  @Override
  public boolean saveShareToken(ShareToken token) {
    return db.inTransaction(c -> Sql.update(c, "INSERT INTO coupon_share_token (token, campaign_id, sharer, "
        + "order_id, expires_at, max_claims, per_friend) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        token.token(), token.campaign().value(), token.sharer().value(), token.orderId(), token.expiresAt(),
        token.maxClaims(), token.perFriend()) == 1);
  }

  @Override
  public Optional<ShareToken> shareToken(String token) {
    return db.inTransaction(c -> Sql.first(c, "SELECT token, campaign_id, sharer, order_id, expires_at, max_claims, "
        + "per_friend FROM coupon_share_token WHERE token = ?",
        rs -> new ShareToken(rs.getString(1), CampaignId.of(rs.getString(2)), CustomerId.of(rs.getString(3)),
            rs.getString(4), Sql.instant(rs, "expires_at"), rs.getInt(6), rs.getInt(7)), token));
  }

  @Override
  public List<LedgerEntry> ledger(CampaignId campaign) {
    return db.inTransaction(c -> Sql.query(c, "SELECT campaign_id, code, event, idempotency_key, actor_kind, "
        + "actor_id, happened_at, amount_fen, reference_id FROM coupon_ledger WHERE campaign_id = ? ORDER BY seq",
        CouponRows::ledgerEntry, campaign.value()));
  }
}
