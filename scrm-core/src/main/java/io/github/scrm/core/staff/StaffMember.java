package io.github.scrm.core.staff;

import io.github.scrm.core.MaxLengths;
import io.github.scrm.core.ScrmStyle;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/** A staff member as the directory keeps them: their store, their acquisition codes, and whether they left. */
@Value.Immutable
@ScrmStyle
public abstract class StaffMember {

  /** The staff member. */
  public abstract StaffId id();

  /**
   * The store or team they belong to ({@code "shanghai-jingan"}), 1 to {@link MaxLengths#STORE} (200) non-blank
   * characters; reassignment can stay within it.
   */
  public abstract String store();

  /** Their acquisition codes: their own, plus those inherited from staff who left. Empty after they leave. */
  public abstract Set<AcquisitionCode> codes();

  /** When they left; empty while they are active. */
  public abstract Optional<Instant> departedAt();

  /** Whether they still work here. */
  public boolean active() {
    return departedAt().isEmpty();
  }

  @Value.Check
  void check() {
    if (store().isBlank() || store().length() > MaxLengths.STORE) {
      throw new IllegalArgumentException("store: must have 1 to " + MaxLengths.STORE + " non-blank characters, but "
          + (store().isBlank() ? "was blank" : "had " + store().length()) + " for staff " + id());
    }
  }
}
