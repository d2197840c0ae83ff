package io.github.scrm.coupons.campaign;

/**
 * A campaign id: 1 to 64 characters from {@code [A-Za-z0-9_.-]}, safe to log and to use in idempotency keys.
 *
 * @param value the id
 */
public record CampaignId(String value) {

  /** Validates the value. */
  public CampaignId {
    if (value == null || value.isEmpty() || value.length() > 64 || !allowed(value)) {
      throw new IllegalArgumentException(
          "campaign id must be 1 to 64 characters from [A-Za-z0-9_.-], but was '" + value + "'");
    }
  }

  private static boolean allowed(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '.' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
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
