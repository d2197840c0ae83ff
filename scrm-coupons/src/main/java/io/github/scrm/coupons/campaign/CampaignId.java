package io.github.scrm.coupons.campaign;

/**
 * A campaign id: 1 to 64 characters from {@code [A-Za-z0-9_.-]}, safe to log and to use in idempotency keys.
 *
 * @param value the id
 */
public record CampaignId(String value) {

  /** Validates the value. */
  public CampaignId {
    if (value == null || value.isEmpty() || value.length() > 64 || !value.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException(
          "campaign id must be 1 to 64 characters from [A-Za-z0-9_.-], but was '" + value + "'");
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
