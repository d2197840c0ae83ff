package io.github.scrm.core.referral;

import java.util.Objects;

/**
 * An explicit, recorded decision to define a programme that the legal guardrail would refuse (rewards for indirect
 * referrals, or an entry fee combined with per-recruit rewards). Keep the reason specific: it is kept with the
 * programme and logged at WARN.
 *
 * @param approvedBy who took the decision (a person or role, not a customer)
 * @param reason why it is lawful here, e.g. the legal opinion's reference
 */
public record LegalOverride(String approvedBy, String reason) {

  /** Requires both parts to be non-blank. */
  public LegalOverride {
    Objects.requireNonNull(approvedBy, "approvedBy");
    Objects.requireNonNull(reason, "reason");
    if (approvedBy.isBlank() || reason.isBlank()) {
      throw new IllegalArgumentException("a legal override needs who approved it and why, but approvedBy='"
          + approvedBy + "' and reason has " + reason.strip().length() + " characters");
    }
  }
}
