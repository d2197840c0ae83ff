package io.github.scrm.coupons.spi;

import io.github.scrm.coupons.campaign.Coupon;

/** What {@link CouponStore#issue} did. */
public sealed interface IssueOutcome {

  /** Why an issuance was refused. */
  enum Reason {
    /** The campaign does not exist. */
    UNKNOWN_CAMPAIGN,
    /** The campaign is pending approval, paused, frozen or revoked. */
    CAMPAIGN_NOT_ACTIVE,
    /** Issued has reached stock. */
    OUT_OF_STOCK,
    /** The customer holds the maximum from this campaign. */
    CUSTOMER_LIMIT,
    /** The customer received the maximum today. */
    DAILY_LIMIT,
    /** A share token or another quota is used up. */
    QUOTA_EXHAUSTED,
    /** Another coupon would pass the campaign's liability budget. */
    BUDGET_EXHAUSTED
  }

  /** The coupon was issued now. */
  record Issued(Coupon coupon) implements IssueOutcome {}

  /** Nothing changed, for {@code reason}. */
  record Refused(Reason reason) implements IssueOutcome {}

  /** The code already exists; nothing changed and the key was not used: draw a new code and retry. */
  record CodeTaken() implements IssueOutcome {}

  /** The key was seen before; {@code first} is what the first call returned. */
  record Repeated(IssueOutcome first) implements IssueOutcome {}
}
