package io.github.scrm.core.staff;

import io.github.scrm.core.customer.CustomerId;
import java.time.Instant;
import java.util.Objects;

/** What happened to a transfer: {@link Transferred}, {@link Pending} or {@link Refused}. */
public sealed interface TransferOutcome {

  /** The customer concerned. */
  CustomerId customer();

  /**
   * The new owner owns the customer from {@code effectiveAt}.
   *
   * @param customer the customer
   * @param from the previous owner
   * @param to the new owner
   * @param effectiveAt when ownership changed
   */
  record Transferred(CustomerId customer, StaffId from, StaffId to, Instant effectiveAt) implements TransferOutcome {
    /** Validates the parts. */
    public Transferred {
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(effectiveAt, "effectiveAt");
    }
  }

  /**
   * The transfer waits for its pending period; the customer may refuse it until {@code transfer.effectiveAt()}.
   *
   * @param customer the customer
   * @param transfer the pending transfer
   */
  record Pending(CustomerId customer, PendingTransfer transfer) implements TransferOutcome {
    /** Validates the parts. */
    public Pending {
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(transfer, "transfer");
    }
  }

  /**
   * Nothing changed hands.
   *
   * @param customer the customer
   * @param reason why
   * @param detail the rule and the actual values
   */
  record Refused(CustomerId customer, RefusalReason reason, String detail) implements TransferOutcome {
    /** Validates the parts. */
    public Refused {
      Objects.requireNonNull(customer, "customer");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
