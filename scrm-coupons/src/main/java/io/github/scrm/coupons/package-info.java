/** Coupons for retail and e-commerce: the entry point {@link io.github.scrm.coupons.Coupons}. */
@org.jspecify.annotations.NullMarked
package io.github.scrm.coupons;
