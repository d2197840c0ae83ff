package io.github.scrm.core.staff;

import io.github.scrm.core.ScrmStyle;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * The rules transfers follow, modelled on WeCom's customer inheritance ({@link #wecom()}): a transfer is pending for
 * 24 hours during which the customer may refuse it, a customer is transferred at most 2 times per 90 days, and a staff
 * member owns at most a maximum number of customers. Build a variant with {@code
 * ImmutableTransferPolicy.builder().maxCustomersPerStaff(500).build()}: unset attributes keep the WeCom defaults.
 */
@Value.Immutable
@ScrmStyle
public abstract class TransferPolicy {

  /** How long a transfer waits for the customer's refusal; zero makes transfers immediate. 24 hours by default. */
  @Value.Default
  public Duration pendingPeriod() {
    return Duration.ofHours(24);
  }

  /** At most this many transfers per customer within {@link #transferWindow()}; 2 by default. */
  @Value.Default
  public int maxTransfersPerWindow() {
    return 2;
  }

  /** The window transfers are counted in, ending at the request; 90 days by default. */
  @Value.Default
  public Duration transferWindow() {
    return Duration.ofDays(90);
  }

  /** The most customers one staff member may own, pending incoming transfers included; 20,000 by default. */
  @Value.Default
  public int maxCustomersPerStaff() {
    return 20_000;
  }

  /**
   * Whether reassignments on departure count towards, and are held to, the transfer limit; {@code true} by default.
   * When {@code false}, a reassignment is never refused for the limit and never counted when a later transfer request
   * is checked: only transfers on request count.
   */
  @Value.Default
  public boolean departuresCountTowardsLimit() {
    return true;
  }

  /** The WeCom-like defaults. */
  public static TransferPolicy wecom() {
    return ImmutableTransferPolicy.builder().build();
  }

  @Value.Check
  void check() {
    if (pendingPeriod().isNegative()) {
      throw new IllegalArgumentException("pendingPeriod must not be negative, but was " + pendingPeriod());
    }
    if (maxTransfersPerWindow() < 0) {
      throw new IllegalArgumentException("maxTransfersPerWindow must be at least 0, but was " + maxTransfersPerWindow());
    }
    if (transferWindow().isNegative() || transferWindow().isZero()) {
      throw new IllegalArgumentException("transferWindow must be positive, but was " + transferWindow());
    }
    if (maxCustomersPerStaff() < 1) {
      throw new IllegalArgumentException("maxCustomersPerStaff must be at least 1, but was " + maxCustomersPerStaff());
    }
  }
}
