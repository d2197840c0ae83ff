package io.github.scrm.coupons.code;

/**
 * Where new coupon codes come from: {@link CodeGenerator} (random codes, the default) or {@link SignedCodes} (codes a
 * terminal can verify offline). Implementations must be thread-safe and draw from a secure random source.
 *
 * <p>A code must have 1 to {@link io.github.scrm.coupons.CouponMaxLengths#CODE} non-blank characters, the width a
 * {@code CouponStore} keeps: the engine refuses a longer one with an {@link IllegalStateException} that gives its
 * length and the limit, and issues nothing.
 */
public interface CodeSource {

  /** A new code; uniqueness is enforced by the store, which refuses a duplicate. */
  CouponCode next();
}
