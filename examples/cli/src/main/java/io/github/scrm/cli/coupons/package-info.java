/**
 * Coupon commands over scrm-coupons: {@code coupons dry-run} previews a campaign behind the guardrails. The campaign
 * file format is defined by {@link io.github.scrm.cli.coupons.CampaignFile}.
 */
@org.jspecify.annotations.NullMarked
package io.github.scrm.cli.coupons;
