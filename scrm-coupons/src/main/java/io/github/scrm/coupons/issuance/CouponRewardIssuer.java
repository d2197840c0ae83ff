package io.github.scrm.coupons.issuance;

import com.google.common.hash.Hashing;
import io.github.scrm.core.spi.RewardIssuer;
import io.github.scrm.core.spi.RewardOutcome;
import io.github.scrm.core.spi.RewardRequest;
import io.github.scrm.coupons.CouponMaxLengths;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.ledger.Actor;
import java.nio.charset.StandardCharsets;

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
    IssueResult r = issuance.issue(campaign, request.beneficiary(),
        bounded("reward:", request.programme(), CouponMaxLengths.BATCH),
        Actor.system("reward:" + request.programme()),
        bounded("reward:", request.rewardId(), CouponMaxLengths.IDEMPOTENCY_KEY));
    if (r instanceof IssueResult.Issued i) {
      return new RewardOutcome.Issued(i.coupon().code().value());
    }
    IssueResult.NotIssued n = (IssueResult.NotIssued) r;
    return new RewardOutcome.Refused(n.reason() + ": " + n.message());
  }

  /**
   * {@code prefix + value} when it fits in {@code max} characters; else its head and a SHA-256 digest of the whole
   * value, so that a long programme or reward id still gives one key of its own, the same at every call (the
   * referral engine's ids may run to several hundred characters, more than a batch name or an issuance key holds).
   */
  static String bounded(String prefix, String value, int max) {
    String whole = prefix + value;
    if (whole.length() <= max) {
      return whole;
    }
    String digest = Hashing.sha256().hashString(value, StandardCharsets.UTF_8).toString();
    String tail = "~" + digest.substring(0, 32);
    return whole.substring(0, max - tail.length()) + tail;
  }
}
