package io.github.scrm.coupons.issuance;

import io.github.scrm.core.spi.RewardIssuer;
import io.github.scrm.core.spi.RewardOutcome;
import io.github.scrm.core.spi.RewardRequest;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.ledger.Actor;

/** Pays referral and supporter rewards as coupons; idempotent by reward id through the issuance key. */
final class CouponRewardIssuer implements RewardIssuer {
  private final Issuance issuance;

  CouponRewardIssuer(Issuance issuance) {
    this.issuance = issuance;
  }

  @Override
  public RewardOutcome issue(RewardRequest request) {
    CampaignId campaign;
    try {
      campaign = CampaignId.of(request.rewardKey());
    } catch (IllegalArgumentException e) {
      return new RewardOutcome.Refused("reward key must be a coupon campaign id, but was '" + request.rewardKey()
          + "'");
    }
    IssueResult r = issuance.issue(campaign, request.beneficiary(), "reward:" + request.programme(),
        Actor.system("reward:" + request.programme()), "reward:" + request.rewardId());
    if (r instanceof IssueResult.Issued i) {
      return new RewardOutcome.Issued(i.coupon().code().value());
    }
    IssueResult.NotIssued n = (IssueResult.NotIssued) r;
    return new RewardOutcome.Refused(n.reason() + ": " + n.message());
  }
}
