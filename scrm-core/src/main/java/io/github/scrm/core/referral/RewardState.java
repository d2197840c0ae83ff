package io.github.scrm.core.referral;

/**
 * Where a reward is in its life. {@code PENDING -> APPROVED -> ISSUED} is the normal path (pending lasts the review
 * period); a fraud flag sends it to {@code IN_REVIEW}; a refund inside the review period cancels it, or claws it back
 * once issued. Cancelled, denied and clawed-back rewards give their value back to the budget.
 */
public enum RewardState {
  /** Earned, waiting for the review period (the return window) to pass. */
  PENDING,
  /** Flagged by fraud screening, waiting for a reviewer or for its review deadline to lapse. */
  IN_REVIEW,
  /** Payable: the review period passed or a reviewer approved it. */
  APPROVED,
  /** Paid through the {@link io.github.scrm.core.spi.RewardIssuer}. */
  ISSUED,
  /** Paid, then taken back because the qualifying order was refunded inside the review period. */
  CLAWED_BACK,
  /** Never paid: the qualifying order was refunded inside the review period, or the issuer refused it. */
  CANCELLED,
  /** Never paid: refused as fraud, denied by a reviewer, or over the budget or the per-referrer cap. */
  DENIED;

  /** Whether the reward's value counts against the budget in this state. */
  public boolean holdsBudget() {
    return this == PENDING || this == IN_REVIEW || this == APPROVED || this == ISSUED;
  }

  /** Whether no further transition is possible. */
  public boolean terminal() {
    return this == CLAWED_BACK || this == CANCELLED || this == DENIED;
  }
}
