package io.github.scrm.coupons.code;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A coupon code such as {@code "VIP-7KQ2M9XH4RTZC3"}: an optional prefix, a body from an alphabet without look-alike
 * characters (no 0/O, 1/I/L), and a final check character so that a typo is caught locally without asking the store.
 *
 * @param value the code as printed
 */
public record CouponCode(String value) {

  /** Null check. */
  public CouponCode {
    Objects.requireNonNull(value, "value");
  }

  /** Whether {@code text} is well formed and its check character matches; says nothing about issuance. */
  public static boolean wellFormed(String text) {
    return CodeAlphabet.checkCharacterMatches(text);
  }

  /** The code with its body masked, for logs: {@code "VIP-7KQ2****"}. */
  public String masked() {
    int keep = Math.min(value.length(), value.indexOf('-') + 5);
    return value.substring(0, keep) + "****";
  }

  /**
   * {@code text}, which may be a code (a caller's input, say), masked as {@link #masked()} masks a code; text too
   * short to keep a part of it is masked whole.
   */
  public static String mask(String text) {
    int keep = Math.min(text.length(), text.indexOf('-') + 5);
    return text.length() - keep < 4 ? "****" : text.substring(0, keep) + "****";
  }

  /**
   * A reference to the code that does not reveal it: the first 64 bits of SHA-256 over the code, in 16 hex digits.
   * Keys the engine builds from a code (ledger keys of freezes and offline redemptions) use it, so that printing or
   * storing such a key never shows the code, while two codes practically never share one.
   */
  public String fingerprint() {
    return Hashing.sha256().hashString(value, StandardCharsets.UTF_8).toString().substring(0, 16);
  }

  /** The masked form: codes are bearer secrets and never appear in logs in clear. */
  @Override
  public String toString() {
    return masked();
  }
}
