package io.github.scrm.core.staff;

import io.github.scrm.core.customer.CustomerId;
import java.util.Objects;

/** What happened when a customer added a staff member through an acquisition code. */
public sealed interface AcquisitionOutcome {

  /**
   * The staff member now owns the customer.
   *
   * @param customer the customer
   * @param period the new ownership period, with the channel
   */
  record Acquired(CustomerId customer, OwnershipPeriod period) implements AcquisitionOutcome {
    /** Validates the parts. */
    public Acquired {
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(period, "period");
    }
  }

  /**
   * The customer already has an active owner, who keeps them (first owner wins).
   *
   * @param customer the customer
   * @param owner the owner
   */
  record AlreadyOwned(CustomerId customer, StaffId owner) implements AcquisitionOutcome {
    /** Validates the parts. */
    public AlreadyOwned {
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(owner, "owner");
    }
  }

  /**
   * Nobody took ownership.
   *
   * @param customer the customer
   * @param reason {@link RefusalReason#UNKNOWN_CODE} or {@link RefusalReason#AT_CAPACITY}
   * @param detail the rule and the actual values
   */
  record Refused(CustomerId customer, RefusalReason reason, String detail) implements AcquisitionOutcome {
    /** Validates the parts. */
    public Refused {
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
