package io.github.scrm.core.staff;

import io.github.scrm.core.customer.CustomerId;
import java.time.Instant;
import java.util.Optional;

/** The checks a transfer must pass under a {@link TransferPolicy}, in the order their refusals are reported. */
final class TransferRules {

  private final TransferPolicy policy;

  TransferRules(TransferPolicy policy) {
    this.policy = policy;
  }

  /**
   * Why {@code ownership} may not move to {@code to} now, or empty when it may.
   *
   * @param targetActive whether {@code to} is an active staff member
   * @param targetLoad customers {@code to} owns, pending incoming transfers included
   */
  Optional<TransferOutcome.Refused> refusal(CustomerOwnership ownership, StaffId to, boolean targetActive,
      int targetLoad, OwnershipReason reason, Instant now) {
    CustomerId customer = ownership.customer();
    Optional<StaffId> from = ownership.currentOwner();
    if (from.isEmpty()) {
      return refused(customer, RefusalReason.NOT_OWNED,
          "customer " + customer + " must have an owner to be transferred, but has none");
    }
    if (!targetActive) {
      return refused(customer, RefusalReason.STAFF_UNAVAILABLE,
          "transfer target must be an active staff member, but " + to + " is unknown or departed");
    }
    if (from.get().equals(to)) {
      return refused(customer, RefusalReason.SAME_OWNER, "customer " + customer + " already belongs to " + to);
    }
    if (ownership.pending().isPresent()) {
      return refused(customer, RefusalReason.TRANSFER_PENDING, "customer " + customer + " has a transfer to "
          + ownership.pending().get().to() + " pending until " + ownership.pending().get().effectiveAt());
    }
    if (reason == OwnershipReason.TRANSFERRED || policy.departuresCountTowardsLimit()) {
      // the window ends at the request: (now - window, now]
      // with departures not counted, the reassignments in the history do not count either
      int recent = ownership.transfersSince(
          now.minus(policy.transferWindow()).plusNanos(1), policy.departuresCountTowardsLimit());
      if (recent >= policy.maxTransfersPerWindow()) {
        return refused(customer, RefusalReason.TRANSFER_LIMIT_REACHED, "a customer may be transferred at most "
            + policy.maxTransfersPerWindow() + " times per " + policy.transferWindow().toDays() + " days, and customer "
            + customer + " was transferred " + recent + " times");
      }
    }
    if (targetLoad >= policy.maxCustomersPerStaff()) {
      return refused(customer, RefusalReason.AT_CAPACITY, "staff member " + to + " may own at most "
          + policy.maxCustomersPerStaff() + " customers, and owns " + targetLoad);
    }
    return Optional.empty();
  }

  private static Optional<TransferOutcome.Refused> refused(CustomerId customer, RefusalReason reason, String detail) {
    return Optional.of(new TransferOutcome.Refused(customer, reason, detail));
  }
}
