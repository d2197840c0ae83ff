package io.github.scrm.core.consent;

/** Why a brand contacts a customer; each purpose needs its own consent and has its own caps. */
public enum ContactPurpose {
  /** Promotions, campaigns, coupons. */
  MARKETING,
  /** Answers to the customer's own requests, order and delivery notices. */
  SERVICE,
  /** Personal care messages: birthday wishes, bad-weather reminders. */
  CARE
}
