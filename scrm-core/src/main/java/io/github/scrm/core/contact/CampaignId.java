package io.github.scrm.core.contact;

import io.github.scrm.core.MaxLengths;

/**
 * Identifies one campaign (a coupon push, a product launch message); a customer receives each campaign at most once.
 *
 * @param value 1 to {@link MaxLengths#CAMPAIGN_ID} (128) non-blank characters
 */
public record CampaignId(String value) {

  /** Validates the value. */
  public CampaignId {
    if (value == null || value.isBlank() || value.length() > MaxLengths.CAMPAIGN_ID) {
      throw new IllegalArgumentException("campaign id must have 1 to " + MaxLengths.CAMPAIGN_ID
          + " non-blank characters, but " + (value == null ? "was null" : value.isBlank() ? "was blank" : "had "
          + value.length()));
    }
  }

  /** Same as the constructor. */
  public static CampaignId of(String value) {
    return new CampaignId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
