package io.github.scrm.coupons.internal;

import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.campaign.CampaignStatus;
import io.github.scrm.coupons.campaign.Coupon;
import io.github.scrm.coupons.campaign.CouponStatus;
import io.github.scrm.coupons.ledger.LedgerEntry;
import io.github.scrm.coupons.ledger.LedgerEvent;
import io.github.scrm.coupons.spi.CouponUse;
import io.github.scrm.coupons.spi.RefundRecord;
import io.github.scrm.coupons.spi.Reservation;
import io.github.scrm.coupons.spi.ReserveOutcome;
import io.github.scrm.coupons.spi.SettleOutcome;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory store's reservations, by id and by order, and what becomes of them: reserving (see {@link Reserving}),
 * confirming, releasing or expiring, and refunds. Thread-safe without a lock, like the store: a reservation changes by
 * compare-and-set on its whole value, and only the winner of that compare-and-set changes the reservation's coupons
 * and campaign counters.
 */
final class Reservations {

  private final InMemoryCouponStore store;
  private final SlotTable<Coupon> coupons;
  /** A reservation's id is claimed with a placeholder of version -1; {@code null} after a refused reservation. */
  private final SlotTable<Reservation> reservations;
  private final SlotTable<String> orderReservations;

  /** Reservations of {@code store}, whose coupons are {@code coupons}; the store is only called once built. */
  Reservations(InMemoryCouponStore store, SlotTable<Coupon> coupons, int expectedCoupons) {
    this.store = store;
    this.coupons = coupons;
    reservations = new SlotTable<>(expectedCoupons);
    orderReservations = new SlotTable<>(expectedCoupons);
  }

  /** See {@link io.github.scrm.coupons.spi.CouponStore#reserve}. */
  ReserveOutcome reserve(Reservation reservation, Instant now, LedgerEntry template) {
    return new Reserving(store, this, reservation, now, template).run();
  }

  /** See {@link io.github.scrm.coupons.spi.CouponStore#confirm}. */
  SettleOutcome confirm(String reservationId, Instant now, LedgerEntry template) {
    long ref = reservations.find(reservationId);
    if (ref < 0) {
      return new SettleOutcome.NotFound(reservationId);
    }
    while (true) {
      Reservation r = reservations.value(ref);
      if (r == null || r.version() < 0) {
        return new SettleOutcome.NotFound(reservationId);
      }
      if (r.state() != Reservation.State.ACTIVE) {
        return new SettleOutcome.Unchanged(r);
      }
      if (!now.isBefore(r.expiresAt())) {
        end(ref, r, Reservation.State.EXPIRED, template.derive(template.campaign(), "", LedgerEvent.EXPIRED, 0));
        return new SettleOutcome.Unchanged(reservations.value(ref));
      }
      for (CouponUse u : r.uses()) {
        if (store.slot(u.campaign()).status.get() != CampaignStatus.ACTIVE) {
          return new SettleOutcome.CampaignNotActive(r);
        }
      }
      Reservation confirmed = r.with(Reservation.State.CONFIRMED);
      if (!reservations.compareAndSet(ref, r, confirmed)) {
        continue;
      }
      for (CouponUse u : r.uses()) {
        // only the winner of the reservation's compare-and-set reaches here, so this cannot fail
        long c = coupons.find(u.code().value());
        Coupon held = coupons.value(c);
        coupons.set(c, held.with(CouponStatus.REDEEMED, held.reservation()));
        CampaignSlot slot = store.slot(u.campaign());
        slot.redeemed.incrementAndGet();
        slot.ledger.add(template.derive(u.campaign(), u.code().value(), LedgerEvent.REDEEMED, u.discountFen()));
      }
      return new SettleOutcome.Settled(confirmed);
    }
  }

  /** See {@link io.github.scrm.coupons.spi.CouponStore#release}. */
  SettleOutcome release(String reservationId, Instant now, LedgerEntry template) {
    long ref = reservations.find(reservationId);
    Reservation r = ref < 0 ? null : reservations.value(ref);
    if (r == null || r.version() < 0) {
      return new SettleOutcome.NotFound(reservationId);
    }
    if (r.state() != Reservation.State.ACTIVE) {
      return new SettleOutcome.Unchanged(r);
    }
    boolean expired = !now.isBefore(r.expiresAt());
    Reservation.State next = expired ? Reservation.State.EXPIRED : Reservation.State.RELEASED;
    LedgerEvent event = expired ? LedgerEvent.EXPIRED : LedgerEvent.RELEASED;
    if (end(ref, r, next, template.derive(template.campaign(), "", event, 0))) {
      Reservation ended = reservations.value(ref);
      return expired ? new SettleOutcome.Unchanged(ended) : new SettleOutcome.Settled(ended);
    }
    return new SettleOutcome.Unchanged(reservations.value(ref));
  }

  /** Moves an active reservation to RELEASED or EXPIRED and gives its coupons and budget back; false if it lost. */
  boolean end(long ref, Reservation r, Reservation.State next, LedgerEntry template) {
    if (!reservations.compareAndSet(ref, r, r.with(next))) {
      return false;
    }
    for (CouponUse u : r.uses()) {
      CampaignSlot slot = store.slot(u.campaign());
      long c = coupons.find(u.code().value());
      Coupon held = coupons.value(c);
      if (held.reservation().equals(Optional.of(r.id()))) {
        CouponStatus back = switch (slot.status.get()) {
          case FROZEN -> CouponStatus.FROZEN;
          case REVOKED -> CouponStatus.REVOKED;
          default -> CouponStatus.AVAILABLE;
        };
        coupons.compareAndSet(c, held, held.with(back, Optional.empty()));
      }
      slot.committed.addAndGet(-u.discountFen());
      slot.ledger.add(template.derive(u.campaign(), u.code().value(), template.event(), u.discountFen()));
    }
    return true;
  }

  /** A complete reservation; empty while its first attempt is still running or after it was refused. */
  Optional<Reservation> reservation(String id) {
    Reservation r = reservations.get(id);
    return r == null || r.version() < 0 ? Optional.empty() : Optional.of(r);
  }

  /** The order's latest reservation; with one live reservation per order, its only confirmed one if any. */
  Optional<Reservation> reservationForOrder(String orderId) {
    String id = orderReservations.get(orderId);
    return id == null ? Optional.empty() : reservation(id);
  }

  /** See {@link io.github.scrm.coupons.spi.CouponStore#applyRefund}. */
  boolean applyRefund(
      String reservationId, long expectedVersion, RefundRecord record, List<Coupon> restored,
      List<LedgerEntry> entries) {
    long ref = reservations.find(reservationId);
    Reservation r = ref < 0 ? null : reservations.value(ref);
    if (r == null || r.version() != expectedVersion || r.state() != Reservation.State.CONFIRMED
        || !reservations.compareAndSet(ref, r, r.withRefund(record))) {
      return false;
    }
    Map<String, CampaignId> campaignOf = new HashMap<>();
    for (CouponUse u : r.uses()) {
      campaignOf.put(u.code().value(), u.campaign());
    }
    record.returnedByCoupon().forEach((code, fen) -> store.slot(campaignOf.get(code)).committed.addAndGet(-fen));
    record.clawbackByCoupon().forEach((code, fen) -> store.slot(campaignOf.get(code)).committed.addAndGet(-fen));
    for (Coupon next : restored) {
      long c = coupons.find(next.code().value());
      Coupon held = coupons.value(c);
      if (held.version() == next.version() - 1 && coupons.compareAndSet(c, held, next)) {
        store.slot(next.campaign()).redeemed.decrementAndGet();
      }
    }
    for (LedgerEntry e : entries) {
      store.slot(e.campaign()).ledger.add(e);
    }
    return true;
  }

  /** The table by reservation id, for {@link Reserving}. */
  SlotTable<Reservation> slots() {
    return reservations;
  }

  /**
   * Points the order at {@code reservationId} unless the order has another live reservation (one being reserved,
   * active within its TTL, or confirmed): an order holds one live coupon reservation, so that the stacking rules,
   * checked within one reservation, hold for the whole order and a refund of the order reaches every coupon it used.
   * Returns the reservation the order pointed at before ({@code ""} for none), or {@code null} when refused.
   */
  String claimOrder(String orderId, String reservationId, Instant now) {
    while (true) {
      long put = orderReservations.putIfAbsent(orderId, reservationId);
      if (!SlotTable.existed(put)) {
        return "";
      }
      long slot = SlotTable.slot(put);
      String current = orderReservations.value(slot);
      if (current == null) {
        if (orderReservations.compareAndSet(slot, null, reservationId)) {
          return "";
        }
        continue;
      }
      if (current.equals(reservationId)) {
        return current;
      }
      if (live(current, now)) {
        return null;
      }
      if (orderReservations.compareAndSet(slot, current, reservationId)) {
        return current;
      }
    }
  }

  /** Points the order back at {@code previous} after the reservation that claimed it was refused. */
  void unclaimOrder(String orderId, String reservationId, String previous) {
    long slot = orderReservations.find(orderId);
    String current = slot < 0 ? null : orderReservations.value(slot);
    if (current != null && current.equals(reservationId) && !previous.equals(reservationId)) {
      orderReservations.compareAndSet(slot, current, previous.isEmpty() ? null : previous);
    }
  }

  private boolean live(String reservationId, Instant now) {
    Reservation r = reservations.get(reservationId);
    if (r == null) {
      return false; // refused and undone
    }
    return r.version() < 0 || r.state() == Reservation.State.CONFIRMED
        || r.state() == Reservation.State.ACTIVE && now.isBefore(r.expiresAt());
  }
}
