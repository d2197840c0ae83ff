/** What a host may implement: the {@link io.github.scrm.coupons.spi.CouponStore} and its value types. */
@org.jspecify.annotations.NullMarked
package io.github.scrm.coupons.spi;
