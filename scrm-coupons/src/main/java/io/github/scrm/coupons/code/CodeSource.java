package io.github.scrm.coupons.code;

/**
 * Where new coupon codes come from: {@link CodeGenerator} (random codes, the default) or {@link SignedCodes} (codes a
 * terminal can verify offline). Implementations must be thread-safe and draw from a secure random source.
 */
public interface CodeSource {

  /** A new code; uniqueness is enforced by the store, which refuses a duplicate. */
  CouponCode next();
}
