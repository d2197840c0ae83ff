package io.github.scrm.coupons.ledger;

import io.github.scrm.core.money.Money;
import io.github.scrm.core.money.Percent;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.campaign.CampaignStatus;
import java.util.Optional;

/**
 * A campaign's figures, derived from its ledger.
 *
 * @param campaign the campaign
 * @param status its status
 * @param issued coupons issued by operators, triggers and rewards
 * @param claimed coupons claimed by customers (including through share tokens)
 * @param redeemed coupons currently redeemed (redemptions less restores)
 * @param redemptionRate redeemed ÷ (issued + claimed), rounded down to a basis point
 * @param discountGranted discounts on confirmed orders less what refunds returned or clawed back
 * @param gmv the goods amount (after other discounts) of the orders that used the campaign's coupons
 * @param remainingLiabilityBudget max liability less face value issued, when a budget is set
 * @param remainingDiscountBudget max discount granted less discount committed, when a budget is set
 */
public record CampaignReport(
    CampaignId campaign,
    CampaignStatus status,
    long issued,
    long claimed,
    long redeemed,
    Percent redemptionRate,
    Money discountGranted,
    Money gmv,
    Optional<Money> remainingLiabilityBudget,
    Optional<Money> remainingDiscountBudget) {}
