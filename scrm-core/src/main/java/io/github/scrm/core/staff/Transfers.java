package io.github.scrm.core.staff;

import io.github.scrm.core.ScrmException;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.StaffStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How ownership moves for a {@link StaffDirectory}: a transfer under the {@link TransferPolicy} (at once, or pending
 * for the policy's period), the reassignment of a departing staff member's customer, the cancellation of transfers to
 * a departing staff member, and the versioned save that every change of ownership goes through. Not thread-safe on its
 * own: the directory calls it under its lock; the store's versioned save detects changes made elsewhere.
 */
final class Transfers {

  // the directory's logger, so that hosts keep one logger name for staff decisions
  private static final Logger log = LoggerFactory.getLogger(StaffDirectory.class);

  /** Later than any transfer takes effect, and still a valid SQL timestamp. */
  private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

  private final StaffStore store;
  private final TransferPolicy policy;
  private final TransferRules rules;

  Transfers(StaffStore store, TransferPolicy policy) {
    this.store = store;
    this.policy = policy;
    this.rules = new TransferRules(policy);
  }

  /** Moves a departing staff member's {@code customer} to the next owner {@code reassignment} picks. */
  TransferOutcome reassign(CustomerId customer, Reassignment reassignment, Instant now) {
    Optional<CustomerOwnership> ownership = store.findOwnership(customer).map(o -> o.settledAt(now));
    if (ownership.isEmpty()) {
      return new TransferOutcome.Refused(customer, RefusalReason.NOT_OWNED, "customer " + customer + " has no owner");
    }
    if (ownership.get().pending().isPresent()) {
      // already on its way to someone else: let that transfer finish
      return new TransferOutcome.Pending(customer, ownership.get().pending().get());
    }
    Optional<StaffId> chosen = reassignment.choose();
    if (chosen.isEmpty()) {
      return new TransferOutcome.Refused(customer, RefusalReason.NO_SUCCESSOR_AVAILABLE,
          "a departing staff member's customer needs an active candidate below " + policy.maxCustomersPerStaff()
              + " customers, but there was none");
    }
    TransferOutcome outcome =
        transfer(ownership.get(), chosen.get(), OwnershipReason.REASSIGNED, reassignment.load(chosen.get()), now);
    if (!(outcome instanceof TransferOutcome.Refused)) {
      reassignment.taken(chosen.get());
    }
    return outcome;
  }

  /** Moves {@code ownership} to {@code to} at once or under a pending period, or says which rule refused it. */
  TransferOutcome transfer(
      CustomerOwnership ownership, StaffId to, OwnershipReason reason, int targetLoad, Instant now) {
    Optional<TransferOutcome.Refused> refusal =
        rules.refusal(ownership, to, isActive(to), targetLoad, reason, now);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    CustomerId customer = ownership.customer();
    StaffId from = ownership.currentOwner().orElseThrow();
    ImmutableCustomerOwnership next = ImmutableCustomerOwnership.copyOf(ownership)
        .withVersion(ownership.version() + 1);
    if (policy.pendingPeriod().isZero()) {
      save(next.withPeriods(CustomerOwnership.handOver(ownership.periods(), to, now, reason)));
      log.debug("customer transferred: customer={} from={} to={}", customer, from, to);
      return new TransferOutcome.Transferred(customer, from, to, now);
    }
    PendingTransfer pending = ImmutablePendingTransfer.builder()
        .from(from).to(to).requestedAt(now).effectiveAt(now.plus(policy.pendingPeriod())).reason(reason)
        .build();
    save(next.withPending(pending));
    log.debug("transfer pending: customer={} from={} to={} until={}", customer, from, to, pending.effectiveAt());
    return new TransferOutcome.Pending(customer, pending);
  }

  /** Cancels the pending transfers to {@code leaving}; the current owners keep their customers. */
  List<TransferOutcome> cancelTransfersTo(StaffId leaving, Instant now) {
    List<TransferOutcome> cancelled = new ArrayList<>();
    // every pending transfer, not only those due within this policy's period: one requested under a longer period
    // (another directory's, or this host's before a change) would otherwise hand the customer to the leaver
    for (CustomerId customer : store.pendingDueBy(LATEST)) {
      Optional<CustomerOwnership> stored = store.findOwnership(customer);
      Optional<PendingTransfer> pending = stored.flatMap(CustomerOwnership::pending);
      if (pending.isPresent() && pending.get().to().equals(leaving)) {
        save(ImmutableCustomerOwnership.copyOf(stored.get())
            .withPending(Optional.empty())
            .withVersion(stored.get().version() + 1));
        cancelled.add(new TransferOutcome.Refused(customer, RefusalReason.STAFF_UNAVAILABLE, "transfer target "
            + leaving + " departed before the transfer took effect; " + pending.get().from() + " keeps the customer"));
      }
    }
    return cancelled;
  }

  /** Saves {@code ownership}, one version past the stored one; a {@link ScrmException} if another writer was first. */
  void save(CustomerOwnership ownership) {
    if (!store.saveOwnership(ownership)) {
      throw new ScrmException("ownership of customer " + ownership.customer() + " was changed by another writer"
          + " (expected stored version " + (ownership.version() - 1) + "); reload and retry");
    }
  }

  /** Whether {@code id} is a registered staff member who has not departed. */
  boolean isActive(StaffId id) {
    return store.findStaff(id).map(StaffMember::active).orElse(false);
  }
}
