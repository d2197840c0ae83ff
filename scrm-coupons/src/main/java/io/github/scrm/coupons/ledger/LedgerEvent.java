package io.github.scrm.coupons.ledger;

/** What a ledger entry records. */
public enum LedgerEvent {
  /** A campaign was created (pending approval or active). */
  CAMPAIGN_CREATED,
  /** A second operator approved a campaign above the guardrail caps. */
  APPROVED,
  /** An operator or the host issued a coupon (bulk, trigger, reward). */
  ISSUED,
  /** A customer claimed a coupon (领券, or through a share token). */
  CLAIMED,
  /** A coupon was reserved for an order. */
  RESERVED,
  /** A reservation was released (cancelled, expired or refused at payment). */
  RELEASED,
  /** A coupon was used on a paid order. */
  REDEEMED,
  /** Part or all of a redeemed coupon's discount was returned with a refund. */
  REFUNDED,
  /** A refund made a coupon usable again. */
  RESTORED,
  /** A coupon or reservation passed its end unused. */
  EXPIRED,
  /** A campaign or coupon was frozen. */
  FROZEN,
  /** A campaign or coupon was revoked. */
  REVOKED,
  /** A campaign was paused (circuit breaker) or resumed. */
  PAUSED,
  /** A campaign was resumed after a pause or a freeze. */
  RESUMED,
  /** A coupon was given to another customer. */
  TRANSFERRED
}
