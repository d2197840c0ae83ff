package io.github.scrm.coupons.ledger;

import io.github.scrm.coupons.campaign.CampaignId;
import java.util.List;

/**
 * The result of checking a campaign's invariants against its ledger and counters: redeemed ≤ issued ≤ stock,
 * liability ≤ budget, committed discount ≥ 0, refunds of a redemption never returning or clawing back more than its
 * discount, counters equal to what the ledger derives, one net redemption entry per redeemed coupon.
 *
 * @param campaign the campaign
 * @param problems every broken invariant, empty when consistent
 */
public record Reconciliation(CampaignId campaign, List<String> problems) {

  /** Copies the problems. */
  public Reconciliation {
    problems = List.copyOf(problems);
  }

  /** Whether every invariant holds. */
  public boolean consistent() {
    return problems.isEmpty();
  }
}
