package io.github.scrm.coupons.internal;

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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One all-or-nothing reservation in the in-memory store: a pending placeholder claims the id, then each coupon is
 * moved AVAILABLE → RESERVED by compare-and-set in code order, then each campaign's committed discount grows below
 * its budget. Any refusal undoes what was done and empties the id's slot, so nothing is half reserved.
 */
final class Reserving {
  /**
   * Coupons are held in the order of their codes: of two reservations that want the same coupons, one gets them all,
   * rather than each getting some and both being refused.
   */
  private static final Comparator<CouponUse> BY_CODE = Comparator.comparing(u -> u.code().value());

  private final InMemoryCouponStore store;
  private final Reservations reservations;
  private final Reservation reservation;
  private final Instant now;
  private final LedgerEntry template;
  /** Slots of the coupons held so far, in code order. */
  private long[] held = new long[1];
  private int heldCount;
  /** Uses whose discount was added to their campaign's committed discount so far, in code order. */
  private int budgetCount;
  /** The reservation the order pointed at before this one claimed it, {@code ""} for none. */
  private String previousOfOrder = "";

  Reserving(
      InMemoryCouponStore store, Reservations reservations, Reservation reservation, Instant now,
      LedgerEntry template) {
    this.store = store;
    this.reservations = reservations;
    this.reservation = reservation;
    this.now = now;
    this.template = template;
  }

  ReserveOutcome run() {
    // the placeholder is ACTIVE with version -1, which tells readers it is not complete yet
    Reservation placeholder = new Reservation(reservation.id(), reservation.orderId(), reservation.customer(),
        reservation.uses(), reservation.lineQuantities(), reservation.lineNetFen(), reservation.gmvFen(),
        reservation.createdAt(), reservation.expiresAt(), Reservation.State.ACTIVE, List.of(), -1);
    SlotTable<Reservation> slots = reservations.slots();
    long put = slots.putIfAbsent(reservation.id(), placeholder);
    long ref = SlotTable.slot(put);
    // an id whose earlier attempt was refused and undone has an empty slot, which this attempt may take
    while (SlotTable.existed(put) && !slots.compareAndSet(ref, null, placeholder)) {
      Reservation r = slots.value(ref);
      if (r != null) {
        return r.version() < 0 ? new ReserveOutcome.Refused(ReserveOutcome.Reason.IN_PROGRESS, "")
            : new ReserveOutcome.Repeated(r);
      }
    }
    String previous = reservations.claimOrder(reservation.orderId(), reservation.id(), now);
    if (previous == null) {
      slots.compareAndSet(ref, placeholder, null);
      return new ReserveOutcome.Refused(ReserveOutcome.Reason.ORDER_ALREADY_RESERVED, "");
    }
    this.previousOfOrder = previous;
    List<CouponUse> uses = reservation.uses();
    if (uses.size() > 1) {
      uses = new ArrayList<>(uses);
      uses.sort(BY_CODE);
    }
    for (CouponUse use : uses) {
      ReserveOutcome.Reason refusal = hold(use);
      if (refusal != null) {
        undo(ref, placeholder, uses);
        return new ReserveOutcome.Refused(refusal, use.code().value());
      }
    }
    for (CouponUse use : uses) {
      CampaignSlot slot = store.slot(use.campaign());
      if (!Counters.tryAdd(slot.committed, use.discountFen(), slot.maxDiscount)) {
        undo(ref, placeholder, uses);
        return new ReserveOutcome.Refused(ReserveOutcome.Reason.BUDGET_EXHAUSTED, use.code().value());
      }
      budgetCount++;
    }
    Reservation active = reservation.state() == Reservation.State.ACTIVE && reservation.version() == 0
        && reservation.refunds().isEmpty() ? reservation
        : new Reservation(reservation.id(), reservation.orderId(), reservation.customer(), reservation.uses(),
            reservation.lineQuantities(), reservation.lineNetFen(), reservation.gmvFen(), reservation.createdAt(),
            reservation.expiresAt(), Reservation.State.ACTIVE, List.of(), 0);
    slots.set(ref, active);
    for (CouponUse use : uses) {
      store.slot(use.campaign()).ledger.add(
          template.derive(use.campaign(), use.code().value(), LedgerEvent.RESERVED, use.discountFen()));
    }
    return new ReserveOutcome.Reserved(active);
  }

  private ReserveOutcome.Reason hold(CouponUse use) {
    SlotTable<Coupon> coupons = store.couponSlots();
    long ref = coupons.find(use.code().value());
    if (ref < 0) {
      return ReserveOutcome.Reason.UNKNOWN_COUPON;
    }
    Optional<CampaignSlot> slot = store.slotIfPresent(use.campaign());
    if (slot.isEmpty()) {
      return ReserveOutcome.Reason.UNKNOWN_COUPON;
    }
    while (true) {
      Coupon c = coupons.value(ref);
      // the engine checked the holder when it priced the order; a transfer since then must not let the former
      // holder use the coupon (the compare-and-set below fails if the holder changes after this check)
      if (!c.holder().equals(reservation.customer())) {
        return ReserveOutcome.Reason.UNKNOWN_COUPON;
      }
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
      if (coupons.compareAndSet(ref, c, c.with(CouponStatus.RESERVED, Optional.of(reservation.id())))) {
        if (heldCount == held.length) {
          held = Arrays.copyOf(held, heldCount * 2);
        }
        held[heldCount++] = ref;
        return null;
      }
    }
  }

  /** Ends the reservation holding {@code c} if its TTL passed; true if the coupon may have become free. */
  private boolean expireHolder(Coupon c) {
    String holderId = c.reservation().orElse("");
    SlotTable<Reservation> slots = reservations.slots();
    long holderRef = slots.find(holderId);
    Reservation holder = holderRef < 0 ? null : slots.value(holderRef);
    if (holder == null || holder.state() != Reservation.State.ACTIVE || holder.version() < 0
        || now.isBefore(holder.expiresAt())) {
      return false;
    }
    reservations.end(holderRef, holder, Reservation.State.EXPIRED,
        template.derive(template.campaign(), "", LedgerEvent.EXPIRED, 0));
    return true;
  }

  private void undo(long ref, Reservation placeholder, List<CouponUse> uses) {
    SlotTable<Coupon> coupons = store.couponSlots();
    for (int i = 0; i < heldCount; i++) {
      Coupon mine = coupons.value(held[i]);
      coupons.compareAndSet(held[i], mine, mine.with(CouponStatus.AVAILABLE, Optional.empty()));
    }
    for (int i = 0; i < budgetCount; i++) {
      CouponUse use = uses.get(i);
      store.slot(use.campaign()).committed.addAndGet(-use.discountFen());
    }
    reservations.unclaimOrder(reservation.orderId(), reservation.id(), previousOfOrder);
    reservations.slots().compareAndSet(ref, placeholder, null);
  }
}
