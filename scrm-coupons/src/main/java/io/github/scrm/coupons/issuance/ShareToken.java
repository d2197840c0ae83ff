package io.github.scrm.coupons.issuance;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.coupons.CouponMaxLengths;
import io.github.scrm.coupons.campaign.CampaignId;
import java.time.Instant;
import java.util.Objects;

/**
 * A token a buyer shares after an order so that friends can claim a coupon. Each claim is attributed to the sharer.
 *
 * @param token the unguessable token
 * @param campaign the campaign friends claim from
 * @param sharer the buyer who shares
 * @param orderId the order that produced it
 * @param expiresAt the end of its short window, exclusive
 * @param maxClaims claims allowed through the token in total
 * @param perFriend claims allowed per friend
 */
public record ShareToken(
    String token, CampaignId campaign, CustomerId sharer, String orderId, Instant expiresAt, int maxClaims,
    int perFriend) {

  /** Validates the values. */
  public ShareToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(campaign, "campaign");
    Objects.requireNonNull(sharer, "sharer");
    Objects.requireNonNull(orderId, "orderId");
    CouponMaxLengths.check("orderId", orderId, CouponMaxLengths.ORDER_ID);
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (maxClaims <= 0 || perFriend <= 0) {
      throw new IllegalArgumentException("share token limits must be positive, but were maxClaims=" + maxClaims
          + ", perFriend=" + perFriend);
    }
  }

  /** The token masked for logs. */
  @Override
  public String toString() {
    return "ShareToken[" + token.substring(0, Math.min(8, token.length())) + "****, campaign=" + campaign
        + ", sharer=" + sharer + ", expiresAt=" + expiresAt + "]";
  }
}
