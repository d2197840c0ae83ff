package io.github.scrm.coupons.spi;

import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.code.CouponCode;
import io.github.scrm.coupons.internal.LineAmounts;
import java.util.Map;
import java.util.Objects;

/**
 * One coupon's part in a reservation: its discount and how it was allocated over the order lines.
 *
 * @param code the coupon
 * @param campaign its campaign
 * @param discountFen the discount it gives
 * @param allocation line id to the share of {@code discountFen} on that line, for every line the coupon's scope covers
 *     (a line whose share is zero included: a partial refund checks the threshold against the kept lines among
 *     them), or {@code "#shipping"} for a free-shipping coupon; the values sum to the discount
 */
public record CouponUse(CouponCode code, CampaignId campaign, long discountFen, Map<String, Long> allocation) {

  /** Copies the allocation. */
  public CouponUse {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(campaign, "campaign");
    allocation = LineAmounts.copyOf(allocation);
  }
}
