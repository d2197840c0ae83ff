/** Getting coupons to customers: claims, bulk issues with canary, host triggers, share tokens, transfers, referral rewards. */
@org.jspecify.annotations.NullMarked
package io.github.scrm.coupons.issuance;
