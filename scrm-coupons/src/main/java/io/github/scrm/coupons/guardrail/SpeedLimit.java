package io.github.scrm.coupons.guardrail;

import java.time.Duration;
import java.util.Objects;

/**
 * The circuit breaker's trigger: more than {@code maxRedemptions} redemptions of one campaign within {@code window}
 * pauses the campaign (status {@code PAUSED}, audited) until an operator resumes it.
 *
 * @param maxRedemptions redemptions allowed per window
 * @param window the window length (counted in fixed buckets of the window's length)
 */
public record SpeedLimit(long maxRedemptions, Duration window) {

  /** Validates the values. */
  public SpeedLimit {
    Objects.requireNonNull(window, "window");
    if (maxRedemptions <= 0) {
      throw new IllegalArgumentException("max redemptions must be positive, but was " + maxRedemptions);
    }
    if (window.toMillis() <= 0) {
      throw new IllegalArgumentException("speed window must be at least 1 ms, but was " + window);
    }
  }
}
