package io.github.scrm.core.referral;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds {@link ReferralStats} from the counters and the ledger. */
final class StatsReport {
  private static final int LEADERBOARD = 10;

  private StatsReport() {}

  static ReferralStats of(String id, Analytics.Counters c, long issued, Money cost, List<Reward> rewards) {
    Map<CustomerId, long[]> perReferrer = new TreeMap<>();
    for (Reward r : rewards) {
      if (!r.state().holdsBudget()) {
        continue;
      }
      long[] row = perReferrer.computeIfAbsent(r.beneficiary(), k -> new long[3]);
      row[0]++;
      if (r.state() == RewardState.ISSUED) {
        row[1]++;
        row[2] += r.value().minorUnits();
      }
    }
    List<LeaderboardEntry> board = perReferrer.entrySet().stream()
        .map(e -> new LeaderboardEntry(e.getKey(), e.getValue()[0], e.getValue()[1],
            Money.of(e.getValue()[2], cost.currency())))
        .sorted(Comparator.comparingLong(LeaderboardEntry::qualified).reversed()
            .thenComparing(LeaderboardEntry::customer))
        .limit(LEADERBOARD).toList();
    long scans = c.scans.sum();
    long supports = c.supports.sum();
    long qualified = c.qualified.sum();
    long flagged = c.flagged.sum();
    long refused = c.refused.sum();
    long base = scans + supports;
    return new ReferralStats(id, c.invites.sum(), scans, supports, qualified, flagged, refused, issued, cost,
        ratio(qualified, base), ratio(flagged + refused, qualified + refused), board);
  }

  private static BigDecimal ratio(long part, long whole) {
    return whole == 0 ? BigDecimal.ZERO.setScale(4)
        : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
  }
}
