package io.github.scrm.core.staff;

import io.github.scrm.core.ScrmStyle;
import io.github.scrm.core.consent.ContactChannel;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** One staff member's ownership of a customer, from an instant until another (or still open). */
@Value.Immutable
@ScrmStyle
public abstract class OwnershipPeriod {

  /** The owner during the period. */
  public abstract StaffId staff();

  /** Start, inclusive. */
  public abstract Instant from();

  /** End, exclusive; empty while the period is open; equal to {@link #from()} for a period that lasted no time. */
  public abstract Optional<Instant> until();

  /** The channel the customer was acquired on; kept through transfers. */
  public abstract ContactChannel channel();

  /** How the period began. */
  public abstract OwnershipReason reason();

  /** Whether {@code instant} falls in the period. */
  public boolean covers(Instant instant) {
    return !instant.isBefore(from()) && until().map(instant::isBefore).orElse(true);
  }

  @Value.Check
  void check() {
    if (until().isPresent() && until().get().isBefore(from())) {
      throw new IllegalArgumentException("ownership period must not end before it starts, but was from " + from()
          + " until " + until().get() + " for " + staff());
    }
  }
}
