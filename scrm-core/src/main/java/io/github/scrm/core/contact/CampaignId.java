package io.github.scrm.core.contact;

/**
 * Identifies one campaign (a coupon push, a product launch message); a customer receives each campaign at most once.
 *
 * @param value 1 to 128 non-blank characters
 */
public record CampaignId(String value) {

  /** Validates the value. */
  public CampaignId {
    if (value == null || value.isBlank() || value.length() > 128) {
      throw new IllegalArgumentException("campaign id must have 1 to 128 non-blank characters, but was "
          + (value == null ? "null" : "'" + value + "'"));
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
