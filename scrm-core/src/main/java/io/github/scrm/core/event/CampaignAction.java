package io.github.scrm.core.event;

/** How a customer took part in a campaign. */
public enum CampaignAction {
  /** A daily check-in. */
  CHECK_IN,
  /** A vote or poll answer. */
  VOTE,
  /** A lottery draw. */
  LOTTERY,
  /** A product-test survey. */
  PRODUCT_TEST_SURVEY
}
