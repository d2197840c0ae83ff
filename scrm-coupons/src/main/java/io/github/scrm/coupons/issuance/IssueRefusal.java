package io.github.scrm.coupons.issuance;

/** Why a coupon was not issued. Nothing changed in every case. */
public enum IssueRefusal {
  /** No such campaign. */
  UNKNOWN_CAMPAIGN,
  /** The campaign is pending approval, paused, frozen or revoked. */
  CAMPAIGN_NOT_ACTIVE,
  /** Outside the campaign's claim window. */
  OUTSIDE_CLAIM_WINDOW,
  /** The customer is not in the campaign's audience. */
  NOT_IN_AUDIENCE,
  /** The coupon's window would be empty because the campaign ends first. */
  CAMPAIGN_ENDED,
  /** The campaign's stock is used up. */
  OUT_OF_STOCK,
  /** The customer holds the campaign's per-customer limit. */
  CUSTOMER_LIMIT,
  /** The customer reached the campaign's per-day limit today. */
  DAILY_LIMIT,
  /** A share token's claims are used up. */
  QUOTA_EXHAUSTED,
  /** The campaign's liability budget is used up. */
  BUDGET_EXHAUSTED,
  /** The share token does not exist or has expired. */
  SHARE_TOKEN_INVALID,
  /** A sharer cannot claim through their own token. */
  OWN_SHARE,
  /**
   * The idempotency key was first used to issue a coupon of another campaign or to another customer; use a new key
   * for every distinct request. Nothing about the first call is revealed.
   */
  IDEMPOTENCY_KEY_CONFLICT
}
