package io.github.scrm.coupons.issuance;

import io.github.scrm.coupons.campaign.CampaignId;
import java.time.Duration;
import java.util.Objects;

/**
 * How a post-order share token works.
 *
 * @param friendCampaign the campaign friends claim from
 * @param ttl how long the token stays open (short: hours)
 * @param maxClaims claims through the order's share token (repeats of {@code afterOrder} for one order share them)
 * @param perFriend claims per friend through the order's share token
 */
public record ShareRules(CampaignId friendCampaign, Duration ttl, int maxClaims, int perFriend) {

  /** Null checks. */
  public ShareRules {
    Objects.requireNonNull(friendCampaign, "friendCampaign");
    Objects.requireNonNull(ttl, "ttl");
  }
}
