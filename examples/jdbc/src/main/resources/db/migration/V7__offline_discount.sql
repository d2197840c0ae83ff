-- Offline redemptions: a discount a point-of-sale terminal granted offline is counted into the campaign's committed
-- discount when it is synced, also above max_discount (the till granted it; the engine reports the overrun). Online
-- reservations still grow the committed discount only below max_discount, by their conditional UPDATE; the CHECK
-- keeps only the floor.

ALTER TABLE coupon_campaign DROP CONSTRAINT coupon_campaign_discount_within_budget;
ALTER TABLE coupon_campaign ADD CONSTRAINT coupon_campaign_discount_not_negative CHECK (committed_discount >= 0);
