package io.github.scrm.coupons.spi;

/**
 * The counters a store keeps per campaign and changes only by conditional updates.
 *
 * @param issued coupons issued (≤ stock)
 * @param liabilityFen Σ face value of issued coupons (≤ max liability)
 * @param redeemed coupons currently redeemed (restores decrement it)
 * @param committedDiscountFen discount of active and confirmed reservations less refunds (≤ max discount granted)
 */
public record CampaignCounters(long issued, long liabilityFen, long redeemed, long committedDiscountFen) {}
