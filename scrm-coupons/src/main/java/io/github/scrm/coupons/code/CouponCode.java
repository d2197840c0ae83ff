package io.github.scrm.coupons.code;

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

  /** The masked form: codes are bearer secrets and never appear in logs in clear. */
  @Override
  public String toString() {
    return masked();
  }
}
