package io.github.scrm.core.referral;

import io.github.scrm.core.money.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * Campaign analytics of one referral programme or supporter campaign, as of the moment they were read.
 *
 * @param id the programme or campaign
 * @param invites codes or posters handed out
 * @param scans touches recorded (scans and ambient arrivals, duplicates and rejected ones excluded)
 * @param supports supports counted (supporter campaigns)
 * @param qualified qualifications that earned a reward (including flagged ones)
 * @param flagged qualifications sent to review by a fraud flag
 * @param refused scans, attributions and qualifications refused as clear fraud
 * @param rewardsIssued rewards paid and not clawed back
 * @param rewardCost their value
 * @param conversionRate qualified / scans (or / supports for a campaign), 4 decimals; zero without scans
 * @param fraudFlagRate (flagged + refused) / (qualified + refused), 4 decimals; zero without either
 * @param leaderboard referrers by qualified rewards, then by id, at most ten
 */
public record ReferralStats(
    String id, long invites, long scans, long supports, long qualified, long flagged, long refused,
    long rewardsIssued, Money rewardCost, BigDecimal conversionRate, BigDecimal fraudFlagRate,
    List<LeaderboardEntry> leaderboard) {

  /** Copies the list. */
  public ReferralStats {
    leaderboard = List.copyOf(leaderboard);
  }
}
