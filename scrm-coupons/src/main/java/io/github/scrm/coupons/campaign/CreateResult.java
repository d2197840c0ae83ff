package io.github.scrm.coupons.campaign;

import io.github.scrm.coupons.guardrail.DryRun;

/** What creating (or approving) a campaign did. */
public sealed interface CreateResult {

  /** Active now. */
  record Active(CampaignId campaign, DryRun dryRun) implements CreateResult {}

  /** Above a guardrail cap: stored as {@link CampaignStatus#PENDING_APPROVAL}; a second operator must approve. */
  record PendingApproval(CampaignId campaign, DryRun dryRun) implements CreateResult {}

  /** Refused: nothing stored; {@code message} says why (a refused guardrail, a duplicate id, the same operator). */
  record Refused(String message, DryRun dryRun) implements CreateResult {}
}
