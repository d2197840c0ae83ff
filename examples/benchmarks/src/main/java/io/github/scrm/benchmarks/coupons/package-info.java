/** JMH benchmarks of the coupon engine: claims, validation with best combination, reserve plus confirm. */
@org.jspecify.annotations.NullMarked
package io.github.scrm.benchmarks.coupons;
