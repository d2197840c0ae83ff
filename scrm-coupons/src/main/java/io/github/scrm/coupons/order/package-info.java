/** Orders and lines as the coupon engine sees them, validated on construction. */
@org.jspecify.annotations.NullMarked
package io.github.scrm.coupons.order;
