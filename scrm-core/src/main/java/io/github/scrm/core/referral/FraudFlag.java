package io.github.scrm.core.referral;

import java.util.Objects;

/**
 * One reason a referral or a supporter reward was flagged or refused.
 *
 * @param signal the kind of fraud
 * @param detail what was seen, without personal data (identifier types and masked values only)
 */
public record FraudFlag(FraudSignal signal, String detail) {

  /** Validates the parts. */
  public FraudFlag {
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return signal + ": " + detail;
  }
}
