package io.github.scrm.core.referral;

/**
 * An unguessable referral or poster code: 16 characters of Crockford base32 (80 random bits from {@link
 * io.github.scrm.core.spi.IdSource#random()}). URL-safe, so it can go into a share link or a WeChat QR scene string.
 *
 * @param value the code
 */
public record ReferralCode(String value) {

  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  /** Length of generated codes. */
  static final int LENGTH = 16;
  private static final String QR_PREFIX = "ref_";

  /** Validates the alphabet and length. */
  public ReferralCode {
    if (value == null || value.length() != LENGTH) {
      throw new IllegalArgumentException("referral code must have " + LENGTH + " characters, but had "
          + (value == null ? "none" : String.valueOf(value.length())));
    }
    for (int i = 0; i < value.length(); i++) {
      if (ALPHABET.indexOf(value.charAt(i)) < 0) {
        throw new IllegalArgumentException(
            "referral code may only use Crockford base32 upper case, but had '" + value.charAt(i) + "' at " + i);
      }
    }
  }

  /** Parses a code as typed or scanned: trims, upper-cases; empty when it cannot be a code. */
  public static java.util.Optional<ReferralCode> parse(String text) {
    String t = text.trim().toUpperCase(java.util.Locale.ROOT);
    if (t.startsWith(QR_PREFIX.toUpperCase(java.util.Locale.ROOT))) {
      t = t.substring(QR_PREFIX.length());
    }
    if (t.length() != LENGTH) {
      return java.util.Optional.empty();
    }
    for (int i = 0; i < t.length(); i++) {
      if (ALPHABET.indexOf(t.charAt(i)) < 0) {
        return java.util.Optional.empty();
      }
    }
    return java.util.Optional.of(new ReferralCode(t));
  }

  /** A new random code. */
  static ReferralCode random(java.util.random.RandomGenerator random) {
    char[] chars = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new ReferralCode(new String(chars));
  }

  /** The state parameter of a poster QR code ({@code ref_<code>}, within WeChat's 64-character scene limit). */
  public String qrState() {
    return QR_PREFIX + value;
  }

  /** A share link: {@code baseUrl} with the code as query parameter {@code ref}. */
  public String link(String baseUrl) {
    return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "ref=" + value;
  }

  @Override
  public String toString() {
    return value;
  }
}
