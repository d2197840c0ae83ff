package io.github.scrm.core.staff;

import io.github.scrm.core.ScrmStyle;
import io.github.scrm.core.customer.CustomerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Everything about who owns one customer: the ownership periods oldest first (the last one open while someone owns
 * the customer), a pending transfer if any, and the transfers the customer refused. {@link #version()} lets a {@link
 * io.github.scrm.core.spi.StaffStore} apply optimistic concurrency.
 */
@Value.Immutable
@ScrmStyle
public abstract class CustomerOwnership {

  /** The customer. */
  public abstract CustomerId customer();

  /** Ownership periods, oldest first, without gaps or overlaps; only the last may be open. */
  public abstract List<OwnershipPeriod> periods();

  /** The transfer waiting for its pending period, if any. */
  public abstract Optional<PendingTransfer> pending();

  /** Transfers the customer refused, oldest first, kept for the audit trail. */
  public abstract List<PendingTransfer> refused();

  /** Incremented by one on every saved change; 1 for the first saved state. */
  public abstract long version();

  /** The owner now, as stored: the staff member of the open period. Use {@link #settledAt} first. */
  public Optional<StaffId> currentOwner() {
    if (periods().isEmpty()) {
      return Optional.empty();
    }
    OwnershipPeriod last = periods().get(periods().size() - 1);
    return last.until().isPresent() ? Optional.empty() : Optional.of(last.staff());
  }

  /** Who owned the customer at {@code instant}, per the recorded periods. */
  public Optional<StaffId> ownerAt(Instant instant) {
    for (int i = periods().size() - 1; i >= 0; i--) {
      OwnershipPeriod period = periods().get(i);
      if (period.covers(instant)) {
        return Optional.of(period.staff());
      }
    }
    return Optional.empty();
  }

  /**
   * How many transfers and reassignments took effect at or after {@code since}; an acquisition or the take-over of a
   * merged customer's owner is neither.
   */
  public int transfersSince(Instant since) {
    return transfersSince(since, true);
  }

  /**
   * How many transfers took effect at or after {@code since}: on-the-job transfers ({@link
   * OwnershipReason#TRANSFERRED}), and reassignments on departure ({@link OwnershipReason#REASSIGNED}) only when
   * {@code countReassignments}.
   */
  int transfersSince(Instant since, boolean countReassignments) {
    int count = 0;
    for (OwnershipPeriod period : periods()) {
      boolean counted = period.reason() == OwnershipReason.TRANSFERRED
          || (countReassignments && period.reason() == OwnershipReason.REASSIGNED);
      if (counted && !period.from().isBefore(since)) {
        count++;
      }
    }
    return count;
  }

  /**
   * This ownership with a pending transfer that became effective by {@code now} applied: the old period closes and the
   * new one opens at {@link PendingTransfer#effectiveAt()}, not at {@code now}. The version is unchanged.
   */
  public CustomerOwnership settledAt(Instant now) {
    if (pending().isEmpty() || pending().get().effectiveAt().isAfter(now)) {
      return this;
    }
    PendingTransfer transfer = pending().get();
    return ImmutableCustomerOwnership.copyOf(this)
        .withPeriods(handOver(periods(), transfer.to(), transfer.effectiveAt(), transfer.reason()))
        .withPending(Optional.empty());
  }

  /** {@code periods} with the open one closed at {@code at} and a new open one for {@code to}. */
  static List<OwnershipPeriod> handOver(
      List<OwnershipPeriod> periods, StaffId to, Instant at, OwnershipReason reason) {
    List<OwnershipPeriod> next = new ArrayList<>(periods.size() + 1);
    next.addAll(periods);
    OwnershipPeriod last = next.remove(next.size() - 1);
    // a period closed at its own start stays in the history: it says who held the customer, if only for no time
    next.add(ImmutableOwnershipPeriod.copyOf(last).withUntil(at));
    next.add(ImmutableOwnershipPeriod.builder().staff(to).from(at).channel(last.channel()).reason(reason).build());
    return next;
  }

  @Value.Check
  void check() {
    for (int i = 0; i + 1 < periods().size(); i++) {
      OwnershipPeriod earlier = periods().get(i);
      OwnershipPeriod later = periods().get(i + 1);
      if (earlier.until().isEmpty() || earlier.until().get().isAfter(later.from())) {
        throw new IllegalArgumentException("ownership periods must be ordered without overlap, but period " + i
            + " of " + customer() + " ends " + earlier.until().map(Object::toString).orElse("never")
            + " after period " + (i + 1) + " starts " + later.from());
      }
    }
    if (version() < 1) {
      throw new IllegalArgumentException("ownership version must be at least 1, but was " + version());
    }
  }
}
