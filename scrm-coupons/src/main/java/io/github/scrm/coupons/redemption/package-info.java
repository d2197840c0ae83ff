/** Using coupons on orders: validation with reasons, best combination, allocation, reserve/confirm/release, refunds. */
@org.jspecify.annotations.NullMarked
package io.github.scrm.coupons.redemption;
