package io.github.scrm.coupons.campaign;

/** The life cycle of a campaign. Only an {@link #ACTIVE} campaign issues coupons and lets them be redeemed. */
public enum CampaignStatus {
  /** Above a guardrail cap: waits for a second, different operator. */
  PENDING_APPROVAL,
  /** Issues and redeems. */
  ACTIVE,
  /** Paused by the circuit breaker or an operator; can resume. */
  PAUSED,
  /** Frozen: unredeemed coupons are unusable until the campaign is resumed. */
  FROZEN,
  /** Revoked for good: unredeemed coupons are void. */
  REVOKED
}
