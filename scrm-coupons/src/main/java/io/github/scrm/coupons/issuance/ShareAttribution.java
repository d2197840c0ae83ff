package io.github.scrm.coupons.issuance;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.coupons.campaign.CampaignId;
import java.time.Instant;

/**
 * A friend claimed a coupon through a sharer's token: the event a host feeds to core's referral and influence
 * tracking.
 *
 * @param sharer who shared
 * @param friend who claimed
 * @param campaign the campaign claimed from
 * @param orderId the order the token came from
 * @param at when
 */
public record ShareAttribution(CustomerId sharer, CustomerId friend, CampaignId campaign, String orderId, Instant at) {}
