/** Coupon codes: unguessable, no look-alike characters, a check character, and HMAC-signed codes for offline terminals. */
@org.jspecify.annotations.NullMarked
package io.github.scrm.coupons.code;
