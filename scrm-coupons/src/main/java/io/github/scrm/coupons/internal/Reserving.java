package io.github.scrm.coupons.internal;

import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.campaign.CampaignStatus;
import io.github.scrm.coupons.campaign.Coupon;
import io.github.scrm.coupons.campaign.CouponStatus;
import io.github.scrm.coupons.ledger.LedgerEntry;
import io.github.scrm.coupons.ledger.LedgerEvent;
import io.github.scrm.coupons.spi.CouponUse;
import io.github.scrm.coupons.spi.Reservation;
import io.github.scrm.coupons.spi.ReserveOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One all-or-nothing reservation in the in-memory store: a pending placeholder claims the id, then each coupon is
 * moved AVAILABLE → RESERVED by compare-and-set in code order, then each campaign's committed discount grows below
 * its budget. Any refusal undoes what was done and removes the placeholder, so nothing is half reserved.
 */
final class Reserving {
  private final InMemoryCouponStore store;
  private final Reservation reservation;
  private final Instant now;
  private final LedgerEntry template;
  private final List<AtomicReference<Coupon>> held = new ArrayList<>();
  private final Map<CampaignId, Long> budgetTaken = new LinkedHashMap<>();

  Reserving(InMemoryCouponStore store, Reservation reservation, Instant now, LedgerEntry template) {
    this.store = store;
    this.reservation = reservation;
    this.now = now;
    this.template = template;
  }

  ReserveOutcome run() {
    // the placeholder is ACTIVE with version -1, which tells readers it is not complete yet
    Reservation placeholder = new Reservation(reservation.id(), reservation.orderId(), reservation.customer(),
        reservation.uses(), reservation.lineQuantities(), reservation.lineNetFen(), reservation.gmvFen(),
        reservation.createdAt(), reservation.expiresAt(), Reservation.State.ACTIVE, List.of(), -1);
    AtomicReference<Reservation> ref = new AtomicReference<>(placeholder);
    AtomicReference<Reservation> existing = store.reservationRefs().putIfAbsent(reservation.id(), ref);
    if (existing != null) {
      Reservation r = existing.get();
      return r.version() < 0 ? new ReserveOutcome.Refused(ReserveOutcome.Reason.IN_PROGRESS, "")
          : new ReserveOutcome.Repeated(r);
    }
    List<CouponUse> uses = new ArrayList<>(reservation.uses());
    uses.sort(InMemoryCouponStore.byCode());
    for (CouponUse use : uses) {
      ReserveOutcome.Reason refusal = hold(use);
      if (refusal != null) {
        undo(ref);
        return new ReserveOutcome.Refused(refusal, use.code().value());
      }
    }
    for (CouponUse use : uses) {
      CampaignSlot slot = store.slot(use.campaign());
      if (!Counters.tryAdd(slot.committed, use.discountFen(), slot.maxDiscount)) {
        undo(ref);
        return new ReserveOutcome.Refused(ReserveOutcome.Reason.BUDGET_EXHAUSTED, use.code().value());
      }
      budgetTaken.merge(use.campaign(), use.discountFen(), Long::sum);
    }
    Reservation active = reservation.state() == Reservation.State.ACTIVE && reservation.version() == 0
        && reservation.refunds().isEmpty() ? reservation
        : new Reservation(reservation.id(), reservation.orderId(), reservation.customer(), reservation.uses(),
            reservation.lineQuantities(), reservation.lineNetFen(), reservation.gmvFen(), reservation.createdAt(),
            reservation.expiresAt(), Reservation.State.ACTIVE, List.of(), 0);
    ref.set(active);
    store.indexOrder(reservation.orderId(), reservation.id());
    for (CouponUse use : uses) {
      store.slot(use.campaign()).ledger.add(
          template.derive(use.campaign(), use.code().value(), LedgerEvent.RESERVED, use.discountFen()));
    }
    return new ReserveOutcome.Reserved(active);
  }

  private ReserveOutcome.Reason hold(CouponUse use) {
    AtomicReference<Coupon> ref = store.couponRef(use.code().value());
    if (ref == null) {
      return ReserveOutcome.Reason.UNKNOWN_COUPON;
    }
    Optional<CampaignSlot> slot = store.slotIfPresent(use.campaign());
    if (slot.isEmpty()) {
      return ReserveOutcome.Reason.UNKNOWN_COUPON;
    }
    while (true) {
      Coupon c = ref.get();
      switch (c.status()) {
        case REDEEMED:
          return ReserveOutcome.Reason.USED;
        case FROZEN:
        case REVOKED:
        case EXPIRED:
          return ReserveOutcome.Reason.FROZEN;
        case RESERVED:
          if (!expireHolder(c)) {
            return ReserveOutcome.Reason.IN_USE;
          }
          continue;
        case AVAILABLE:
        default:
          break;
      }
      if (slot.get().status.get() != CampaignStatus.ACTIVE) {
        return ReserveOutcome.Reason.FROZEN;
      }
      if (ref.compareAndSet(c, c.with(CouponStatus.RESERVED, Optional.of(reservation.id())))) {
        held.add(ref);
        return null;
      }
    }
  }

  /** Ends the reservation holding {@code c} if its TTL passed; true if the coupon may have become free. */
  private boolean expireHolder(Coupon c) {
    String holderId = c.reservation().orElse("");
    AtomicReference<Reservation> holderRef = store.reservationRefs().get(holderId);
    if (holderRef == null) {
      return false;
    }
    Reservation holder = holderRef.get();
    if (holder.state() != Reservation.State.ACTIVE || holder.version() < 0 || now.isBefore(holder.expiresAt())) {
      return false;
    }
    store.end(holderRef, holder, Reservation.State.EXPIRED,
        template.derive(template.campaign(), "", LedgerEvent.EXPIRED, 0));
    return true;
  }

  private void undo(AtomicReference<Reservation> ref) {
    for (AtomicReference<Coupon> c : held) {
      Coupon mine = c.get();
      c.compareAndSet(mine, mine.with(CouponStatus.AVAILABLE, Optional.empty()));
    }
    budgetTaken.forEach((campaign, fen) -> store.slot(campaign).committed.addAndGet(-fen));
    store.reservationRefs().remove(reservation.id(), ref);
  }
}
