package io.github.scrm.coupons.internal;

import io.github.scrm.core.customer.CustomerId;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory {@link CouponStore}. No global lock: counters are {@link AtomicLong}s changed by compare-and-set loops
 * that refuse to pass their limit; coupons, reservations and idempotency keys are slots of {@link SlotTable}s changed
 * by compare-and-set on the whole value (an idempotency key is first claimed with a pending marker, which a
 * concurrent repeat waits out). A unit of work that fails halfway undoes the counter increments it made, so a refused
 * call changes nothing. Reservations and their settlement live in {@code Reservations}.
 *
 * <p>The tables are built for the garbage collector: they keep coupons and reservations without a holder object or
 * map node per key, and their hash tables hold no references, so a young collection has little to scan or copy for
 * each claim or redemption.
 */
public final class InMemoryCouponStore implements CouponStore {

  private final Map<CampaignId, CampaignSlot> campaigns = new ConcurrentHashMap<>();
  /** Marks an idempotency key whose first call is still running. */
  private static final IssueOutcome PENDING = new IssueOutcome.CodeTaken();

  /** The first outcome per idempotency key: the coupon itself for an issue, which spares a wrapper per coupon. */
  private final SlotTable<Object> issueKeys;
  private final Map<String, AtomicLong> quotas = new ConcurrentHashMap<>();
  private final SlotTable<Coupon> coupons;
  private final Wallets wallets;
  private final Reservations reservations;
  private final Map<String, ShareToken> shareTokens = new ConcurrentHashMap<>();

  /** Use {@code CouponStores.inMemory()}. */
  public InMemoryCouponStore() {
    this(16);
  }

  /** Use {@code CouponStores.inMemory(expectedCoupons)}: sizes the maps so that they do not grow on the hot path. */
  public InMemoryCouponStore(int expectedCoupons) {
    if (expectedCoupons < 0) {
      throw new IllegalArgumentException("expected coupons must not be negative, but was " + expectedCoupons);
    }
    issueKeys = new SlotTable<>(expectedCoupons);
    coupons = new SlotTable<>(expectedCoupons, true);
    wallets = new Wallets(coupons, Math.min(expectedCoupons, 1 << 16));
    reservations = new Reservations(this, coupons, expectedCoupons);
  }

  @Override
  public boolean createCampaign(Campaign campaign, CampaignStatus initial, LedgerEntry entry) {
    CampaignSlot slot = new CampaignSlot(campaign, initial);
    if (campaigns.putIfAbsent(campaign.id(), slot) != null) {
      return false;
    }
    slot.ledger.add(entry);
    return true;
  }

  @Override
  public Optional<Campaign> campaign(CampaignId id) {
    CampaignSlot slot = campaigns.get(id);
    return slot == null ? Optional.empty() : Optional.of(slot.campaign);
  }

  @Override
  public Optional<CampaignStatus> status(CampaignId id) {
    CampaignSlot slot = campaigns.get(id);
    return slot == null ? Optional.empty() : Optional.of(slot.status.get());
  }

  @Override
  public boolean changeStatus(CampaignId id, CampaignStatus expected, CampaignStatus next, LedgerEntry entry) {
    CampaignSlot slot = campaigns.get(id);
    if (slot == null || !slot.status.compareAndSet(expected, next)) {
      return false;
    }
    slot.ledger.add(entry);
    return true;
  }

  @Override
  public CampaignCounters counters(CampaignId id) {
    CampaignSlot s = campaigns.get(id);
    return s == null ? new CampaignCounters(0, 0, 0, 0)
        : new CampaignCounters(s.issued.get(), s.liability.get(), s.redeemed.get(), s.committed.get());
  }

  @Override
  public IssueOutcome issue(IssueCommand command) {
    CampaignSlot slot = campaigns.get(command.coupon().campaign());
    if (slot == null) {
      return new IssueOutcome.Refused(IssueOutcome.Reason.UNKNOWN_CAMPAIGN);
    }
    long put = issueKeys.putIfAbsent(command.idempotencyKey(), PENDING);
    long key = SlotTable.slot(put);
    if (SlotTable.existed(put)) {
      while (true) {
        Object first = issueKeys.value(key);
        if (first == null) {
          if (issueKeys.compareAndSet(key, null, PENDING)) {
            break;
          }
        } else if (first == PENDING) {
          // the first call with this key is between its checks and its result: a few hundred nanoseconds
          Thread.onSpinWait();
          Thread.yield();
        } else {
          return new IssueOutcome.Repeated(outcome(first));
        }
      }
    }
    IssueOutcome out = null;
    try {
      out = doIssue(slot, command);
    } finally {
      // a code collision (or a failure) leaves the key unrecorded, so the caller may try again
      issueKeys.set(key, out == null || out instanceof IssueOutcome.CodeTaken ? null
          : out instanceof IssueOutcome.Issued issued ? issued.coupon() : out);
    }
    return out;
  }

  private IssueOutcome doIssue(CampaignSlot slot, IssueCommand cmd) {
    if (slot.status.get() != CampaignStatus.ACTIVE) {
      return new IssueOutcome.Refused(IssueOutcome.Reason.CAMPAIGN_NOT_ACTIVE);
    }
    List<Quota> qs = cmd.quotas();
    int taken = 0;
    for (; taken < qs.size(); taken++) {
      Quota q = qs.get(taken);
      if (!Counters.tryAdd(quotas.computeIfAbsent(q.key(), k -> new AtomicLong()), 1, q.limit())) {
        undoQuotas(qs, taken);
        return new IssueOutcome.Refused(q.refusal());
      }
    }
    if (!Counters.tryAdd(slot.liability, cmd.faceValueFen(), slot.maxLiability)) {
      undoQuotas(qs, taken);
      return new IssueOutcome.Refused(IssueOutcome.Reason.BUDGET_EXHAUSTED);
    }
    if (!Counters.tryAdd(slot.issued, 1, slot.campaign.stock())) {
      slot.liability.addAndGet(-cmd.faceValueFen());
      undoQuotas(qs, taken);
      return new IssueOutcome.Refused(IssueOutcome.Reason.OUT_OF_STOCK);
    }
    Coupon coupon = cmd.coupon();
    long put = coupons.putIfAbsent(coupon.code().value(), coupon);
    if (SlotTable.existed(put)) {
      slot.issued.decrementAndGet();
      slot.liability.addAndGet(-cmd.faceValueFen());
      undoQuotas(qs, taken);
      return new IssueOutcome.CodeTaken();
    }
    wallets.issued(coupon.holder(), put);
    slot.ledger.add(cmd.entry());
    return new IssueOutcome.Issued(coupon);
  }

  private void undoQuotas(List<Quota> qs, int taken) {
    for (int i = 0; i < taken; i++) {
      quotas.get(qs.get(i).key()).decrementAndGet();
    }
  }

  @Override
  public Optional<IssueOutcome> issueOutcome(String idempotencyKey) {
    Object first = issueKeys.get(idempotencyKey);
    return first == null || first == PENDING ? Optional.empty() : Optional.of(outcome(first));
  }

  private static IssueOutcome outcome(Object recorded) {
    return recorded instanceof Coupon c ? new IssueOutcome.Issued(c) : (IssueOutcome) recorded;
  }

  @Override
  public Optional<Coupon> coupon(CouponCode code) {
    return Optional.ofNullable(coupons.get(code.value()));
  }

  @Override
  public List<Coupon> wallet(CustomerId holder) {
    return wallets.of(holder);
  }

  @Override
  public List<Coupon> coupons(CampaignId campaign) {
    // every coupon's issue is in its campaign's ledger, so the ledger lists the coupons: a separate code list would
    // be one more shared append, contended by concurrent claims, for a read that only freezes and reports make
    CampaignSlot slot = campaigns.get(campaign);
    List<Coupon> out = new ArrayList<>();
    if (slot != null) {
      Set<String> seen = new HashSet<>();
      for (LedgerEntry e : slot.ledger.snapshot()) {
        if (!e.code().isEmpty() && seen.add(e.code())) {
          Coupon c = coupons.get(e.code());
          if (c != null) {
            out.add(c);
          }
        }
      }
    }
    return out;
  }

  @Override
  public boolean replace(Coupon expected, Coupon next, LedgerEntry entry) {
    long ref = coupons.find(expected.code().value());
    if (ref < 0) {
      return false;
    }
    Coupon current = coupons.value(ref);
    if (current.version() != expected.version() || !coupons.compareAndSet(ref, current, next)) {
      return false;
    }
    CampaignSlot slot = campaigns.get(next.campaign());
    boolean wasRedeemed = current.status() == CouponStatus.REDEEMED;
    boolean isRedeemed = next.status() == CouponStatus.REDEEMED;
    if (wasRedeemed != isRedeemed) {
      slot.redeemed.addAndGet(isRedeemed ? 1 : -1);
    }
    if (!current.holder().equals(next.holder())) {
      wallets.transferred(next.holder(), next.code().value());
    }
    slot.ledger.add(entry);
    return true;
  }

  @Override
  public TransferOutcome transfer(Coupon expected, Coupon next, Quota receiverQuota, LedgerEntry entry) {
    AtomicLong used = quotas.computeIfAbsent(receiverQuota.key(), k -> new AtomicLong());
    if (!Counters.tryAdd(used, 1, receiverQuota.limit())) {
      return TransferOutcome.RECEIVER_LIMIT;
    }
    if (!replace(expected, next, entry)) {
      used.decrementAndGet();
      return TransferOutcome.COUPON_CHANGED;
    }
    return TransferOutcome.TRANSFERRED;
  }

  @Override
  public boolean redeemOffline(Coupon expected, Coupon next, long discountFen, LedgerEntry entry) {
    if (!replace(expected, next, entry)) {
      return false;
    }
    // granted at the till already: counted even above the budget, which the engine reports
    campaigns.get(next.campaign()).committed.addAndGet(discountFen);
    return true;
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
    return reservations.reservation(id);
  }

  @Override
  public Optional<Reservation> reservationForOrder(String orderId) {
    return reservations.reservationForOrder(orderId);
  }

  @Override
  public boolean applyRefund(
      String reservationId, long expectedVersion, RefundRecord record, List<Coupon> restored,
      List<LedgerEntry> entries) {
    return reservations.applyRefund(reservationId, expectedVersion, record, restored, entries);
  }

  @Override
  public boolean saveShareToken(ShareToken token) {
    return shareTokens.putIfAbsent(token.token(), token) == null;
  }

  @Override
  public Optional<ShareToken> shareToken(String token) {
    return Optional.ofNullable(shareTokens.get(token));
  }

  @Override
  public List<LedgerEntry> ledger(CampaignId campaign) {
    CampaignSlot slot = campaigns.get(campaign);
    return slot == null ? List.of() : List.copyOf(slot.ledger.snapshot());
  }

  CampaignSlot slot(CampaignId id) {
    CampaignSlot slot = campaigns.get(id);
    if (slot == null) {
      throw new IllegalStateException("campaign " + id + " is not in this store");
    }
    return slot;
  }

  Optional<CampaignSlot> slotIfPresent(CampaignId id) {
    return Optional.ofNullable(campaigns.get(id));
  }

  SlotTable<Coupon> couponSlots() {
    return coupons;
  }
}
