package io.github.scrm.core.referral;

import io.github.scrm.core.customer.CustomerId;
import java.time.Instant;
import java.util.Objects;

/**
 * A referral code (or poster code) handed to one customer in one programme or campaign.
 *
 * @param code the code
 * @param programme the programme or campaign id
 * @param owner the referrer or poster owner
 * @param issuedAt when it was handed out
 */
public record CodeAssignment(ReferralCode code, String programme, CustomerId owner, Instant issuedAt) {

  /** Validates the parts. */
  public CodeAssignment {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(programme, "programme");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(issuedAt, "issuedAt");
  }
}
