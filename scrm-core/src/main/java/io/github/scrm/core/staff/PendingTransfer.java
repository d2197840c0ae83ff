package io.github.scrm.core.staff;

import io.github.scrm.core.ScrmStyle;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A transfer waiting for its pending period to pass: the customer may refuse it until {@link #effectiveAt()}; from
 * then on the new owner owns the customer.
 */
@Value.Immutable
@ScrmStyle
public abstract class PendingTransfer {

  /** The current owner. */
  public abstract StaffId from();

  /** The owner once effective. */
  public abstract StaffId to();

  /** When it was requested. */
  public abstract Instant requestedAt();

  /** When it takes effect unless the customer refuses before. */
  public abstract Instant effectiveAt();

  /** Why: {@link OwnershipReason#TRANSFERRED} or {@link OwnershipReason#REASSIGNED}. */
  public abstract OwnershipReason reason();

  @Value.Check
  void check() {
    if (reason() != OwnershipReason.TRANSFERRED && reason() != OwnershipReason.REASSIGNED) {
      throw new IllegalArgumentException("a pending transfer must be TRANSFERRED or REASSIGNED, but was " + reason());
    }
    if (effectiveAt().isBefore(requestedAt())) {
      throw new IllegalArgumentException("a transfer cannot take effect before it is requested, but effectiveAt "
          + effectiveAt() + " was before requestedAt " + requestedAt());
    }
  }
}
