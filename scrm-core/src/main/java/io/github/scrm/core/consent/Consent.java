package io.github.scrm.core.consent;

import java.time.Instant;
import java.util.Objects;

/**
 * One consent record: the customer granted or withdrew contact on one channel for one purpose at an instant. The
 * latest record per (channel, purpose) is in force; older ones are history kept for PIPL accountability.
 *
 * @param channel the channel
 * @param purpose the purpose
 * @param status granted or withdrawn
 * @param recordedAt when the customer gave or withdrew it
 * @param source where it was captured ({@code "store-pos"}, {@code "wechat-miniprogram"}), for the audit trail
 */
public record Consent(
    ContactChannel channel, ContactPurpose purpose, ConsentStatus status, Instant recordedAt, String source) {

  /** Validates the parts. */
  public Consent {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(source, "source");
  }

  /** Whether this record grants contact. */
  public boolean granted() {
    return status == ConsentStatus.GRANTED;
  }
}
