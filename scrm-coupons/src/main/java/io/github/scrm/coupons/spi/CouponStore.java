package io.github.scrm.coupons.spi;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.campaign.CampaignStatus;
import io.github.scrm.coupons.campaign.Coupon;
import io.github.scrm.coupons.code.CouponCode;
import io.github.scrm.coupons.issuance.ShareToken;
import io.github.scrm.coupons.ledger.LedgerEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where campaigns, coupons, reservations, counters and the ledger live. The engine computes every decision that needs
 * no shared state (discounts, allocations, validity windows); the store applies each change as one atomic unit of
 * work made of <em>conditional updates that report whether they applied</em>, so that an SQL implementation can be
 * correct at {@code READ COMMITTED}:
 *
 * <ul>
 *   <li>counters: {@code UPDATE campaign SET issued = issued + 1 WHERE id = ? AND issued < stock} and check the row
 *       count; quotas the same with {@code count < limit};
 *   <li>coupons and reservations: {@code UPDATE ... SET status = ?, version = version + 1 WHERE code = ? AND version = ?}
 *       (or {@code AND status = ?});
 *   <li>idempotency keys: a unique index, inserted in the same transaction as the change;
 *   <li>ledger: inserts in the same transaction as the change they record, never updated or deleted.
 * </ul>
 *
 * <p>If any conditional update of a unit does not apply, the whole unit rolls back and the method reports the
 * refusal; a refused call changes nothing. Implementations must be thread-safe; the in-memory default
 * ({@link CouponStores#inMemory()}) takes no global lock. A broken backend throws
 * {@link io.github.scrm.core.ScrmException}; the caller may retry with the same idempotency key.
 *
 * <p>A host implementation proves itself by extending the contract test {@code CouponStoreContract} from this
 * module's {@code tests} jar.
 */
public interface CouponStore {

  /**
   * Inserts a campaign with zero counters in {@code initial} status and appends {@code entry}. Returns false and
   * changes nothing when the id exists. Isolation: a unique key on the id.
   */
  boolean createCampaign(Campaign campaign, CampaignStatus initial, LedgerEntry entry);

  /** The campaign definition. Isolation: any (definitions never change). */
  Optional<Campaign> campaign(CampaignId id);

  /** The campaign's status. Isolation: read committed. */
  Optional<CampaignStatus> status(CampaignId id);

  /**
   * Sets the status to {@code next} only if it is {@code expected} ({@code UPDATE ... WHERE status = ?}); appends
   * {@code entry} when it applied. Returns whether it applied.
   */
  boolean changeStatus(CampaignId id, CampaignStatus expected, CampaignStatus next, LedgerEntry entry);

  /** The campaign's counters (zeros for an unknown campaign). Isolation: read committed. */
  CampaignCounters counters(CampaignId id);

  /**
   * Issues one coupon atomically: records the idempotency key, requires the campaign {@code ACTIVE}, increments every
   * quota below its limit, adds the face value to the liability below the campaign's {@code maxLiability}, increments
   * {@code issued} below {@code stock}, inserts the coupon (unique code) and appends the entry. All or nothing.
   * A repeated key returns {@link IssueOutcome.Repeated} with the first outcome; {@link IssueOutcome.CodeTaken} does
   * not record the key. Isolation: read committed with conditional updates; the idempotency key and the code need
   * unique indexes.
   *
   * <p>An {@link IssueOutcome.Issued} outcome of a repeat carries the coupon as it was issued (its campaign and
   * first holder, even after a transfer): the engine compares them with the repeat's campaign and customer and
   * refuses a key first used for another request.
   */
  IssueOutcome issue(IssueCommand command);

  /**
   * The first outcome recorded for an issuance key, if any, with the coupon as issued (see {@link #issue}).
   * Isolation: read committed.
   */
  Optional<IssueOutcome> issueOutcome(String idempotencyKey);

  /** The coupon with {@code code}. Isolation: read committed. */
  Optional<Coupon> coupon(CouponCode code);

  /** Every coupon {@code holder} holds, in issue order. Isolation: read committed. */
  List<Coupon> wallet(CustomerId holder);

  /** Every coupon of {@code campaign}, for freezes, reports and reconciliation. Isolation: read committed. */
  List<Coupon> coupons(CampaignId campaign);

  /**
   * Replaces {@code expected} by {@code next} only if the stored coupon has {@code expected.version()}
   * ({@code UPDATE ... WHERE code = ? AND version = ?}); appends {@code entry} when it applied. Used for freezes,
   * revocations and offline redemptions (transfers, which also count against the receiver's quota, use
   * {@link #transfer}); when the status enters or leaves {@code REDEEMED} the campaign's {@code redeemed} counter
   * follows in the same unit. Returns whether it applied.
   */
  boolean replace(Coupon expected, Coupon next, LedgerEntry entry);

  /**
   * Gives a coupon to another customer: replaces {@code expected} by {@code next} (its new holder) only if the stored
   * coupon has {@code expected.version()}, as {@link #replace}, and in the same unit counts the coupon against the
   * receiver's {@code receiverQuota} below its limit, as {@link #issue} counts a quota
   * ({@code UPDATE quota SET used = used + 1 WHERE key = ? AND used < ?}); appends {@code entry} when it applied. The
   * giver's quota is left as it is. {@link TransferOutcome#COUPON_CHANGED} when the version moved,
   * {@link TransferOutcome#RECEIVER_LIMIT} when the quota is at its limit; either changes nothing. Isolation: read
   * committed with both conditional updates in one transaction.
   */
  TransferOutcome transfer(Coupon expected, Coupon next, Quota receiverQuota, LedgerEntry entry);

  /**
   * Records a redemption a point-of-sale terminal accepted offline: as {@link #replace} ({@code expected}
   * {@code AVAILABLE}, {@code next} {@code REDEEMED}, the {@code redeemed} counter follows) and, in the same unit, adds
   * {@code discountFen} to the campaign's committed discount, also above {@code maxDiscountGranted}: the discount was
   * granted at the till, and the engine reports the overrun. Returns whether it applied.
   *
   * <p>The default only calls {@link #replace}, which leaves the committed discount without the offline discounts;
   * a store should override it with one conditional unit ({@code UPDATE coupon ... WHERE version = ?} and
   * {@code UPDATE campaign SET committed = committed + ?}).
   */
  default boolean redeemOffline(Coupon expected, Coupon next, long discountFen, LedgerEntry entry) {
    return replace(expected, next, entry);
  }

  /**
   * Reserves every coupon of {@code reservation} or none: each must be held by the reservation's customer (else
   * {@link ReserveOutcome.Reason#UNKNOWN_COUPON}: a coupon transferred after the engine checked it must not reach
   * its former holder, so the update is conditional on the holder too), {@code AVAILABLE} (or held by a reservation
   * whose TTL passed, which this call expires first) and its campaign {@code ACTIVE}; each campaign's committed
   * discount grows by the reservation's discount below {@code maxDiscountGranted}. The reservation id is the
   * idempotency key: a repeat returns {@link ReserveOutcome.Repeated}. An order holds one live reservation: while
   * another reservation of the same order is being reserved, active before its TTL or confirmed, the call is refused
   * with {@link ReserveOutcome.Reason#ORDER_ALREADY_RESERVED} (the engine checks this before calling, and a store that
   * also checks it in the unit closes the race of two concurrent reservations for one order). Appends one
   * {@code RESERVED} entry per coupon.
   * Isolation: read committed; coupon updates conditional on status, in code order to avoid deadlocks.
   */
  ReserveOutcome reserve(Reservation reservation, Instant now, LedgerEntry template);

  /**
   * Confirms an {@code ACTIVE} reservation whose TTL has not passed at {@code now}: the reservation becomes
   * {@code CONFIRMED} by a conditional update and its coupons {@code REDEEMED}, one {@code REDEEMED} entry each. Exactly
   * one of any number of concurrent confirms applies. A passed TTL expires the reservation and returns it
   * {@code EXPIRED} unchanged otherwise. Isolation: read committed with a conditional update on state and version.
   */
  SettleOutcome confirm(String reservationId, Instant now, LedgerEntry template);

  /**
   * Releases an {@code ACTIVE} reservation: it becomes {@code RELEASED}, its coupons {@code AVAILABLE} again (or
   * {@code FROZEN}/{@code REVOKED} when their campaign is), committed discount is returned; one {@code RELEASED} entry
   * per coupon. At or after its TTL the reservation becomes {@code EXPIRED} instead, gives its coupons and committed
   * discount back the same way with one {@code EXPIRED} entry per coupon, and is returned unchanged (the engine's
   * expiry sweep relies on this). A confirmed reservation is unchanged (refund it instead). Isolation as
   * {@link #confirm}.
   */
  SettleOutcome release(String reservationId, Instant now, LedgerEntry template);

  /** The reservation with {@code id}. Isolation: read committed. */
  Optional<Reservation> reservation(String id);

  /**
   * The latest reservation made for {@code orderId}; as an order holds one live reservation, this is its confirmed
   * one when it has one. Isolation: read committed.
   */
  Optional<Reservation> reservationForOrder(String orderId);

  /**
   * Applies a refund to a {@code CONFIRMED} reservation only if it still has {@code expectedVersion}: appends
   * {@code record}, lowers the campaigns' committed discount by {@code record.returnedByCoupon()} and {@code record.clawbackByCoupon()},
   * replaces each restored coupon ({@code REDEEMED} → {@code AVAILABLE}, conditional on its version) and decrements
   * {@code redeemed}, and appends {@code entries}. Returns false and changes nothing when the version moved (the
   * caller re-reads and recomputes). A record whose key is already on the reservation must not be passed twice; the
   * engine checks. Isolation: read committed with a conditional update on the reservation version.
   */
  boolean applyRefund(
      String reservationId, long expectedVersion, RefundRecord record, List<Coupon> restored,
      List<LedgerEntry> entries);

  /** Saves a share token; false and no change when the token exists. Isolation: a unique key on the token. */
  boolean saveShareToken(ShareToken token);

  /** The share token with {@code token}. Isolation: read committed. */
  Optional<ShareToken> shareToken(String token);

  /** The ledger of {@code campaign} in append order. Isolation: read committed. */
  List<LedgerEntry> ledger(CampaignId campaign);
}
