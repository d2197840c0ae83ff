-- Widths for the longest values the library accepts (MaxLengths in scrm-core, CouponMaxLengths in scrm-coupons), so a
-- valid value never fails a write with "value too long": order ids have up to 256 characters; a supporter is named by
-- "prospect:" and an identifier key (type, a scope of up to 128 and a value of up to 256: 416 characters at most); an
-- offline redemption marks its coupon "offline:<order id>"; quota and ledger keys are composed from campaign,
-- customer and order ids (up to 512); a system actor may be "reward:<programme id>". Widening a VARCHAR keeps every
-- row as it is; PostgreSQL rewrites neither the tables nor their indexes for it.

ALTER TABLE referral_reward ALTER COLUMN order_id SET DATA TYPE VARCHAR(256);
ALTER TABLE referral_support ALTER COLUMN person SET DATA TYPE VARCHAR(512);
ALTER TABLE coupon ALTER COLUMN reservation_id SET DATA TYPE VARCHAR(300);
ALTER TABLE coupon_quota ALTER COLUMN quota_key SET DATA TYPE VARCHAR(512);
ALTER TABLE coupon_issue_key ALTER COLUMN idempotency_key SET DATA TYPE VARCHAR(512);
ALTER TABLE coupon_reservation ALTER COLUMN order_id SET DATA TYPE VARCHAR(256);
ALTER TABLE coupon_share_token ALTER COLUMN order_id SET DATA TYPE VARCHAR(256);
ALTER TABLE coupon_ledger ALTER COLUMN idempotency_key SET DATA TYPE VARCHAR(512);
ALTER TABLE coupon_ledger ALTER COLUMN actor_id SET DATA TYPE VARCHAR(256);
ALTER TABLE coupon_order_claim ALTER COLUMN order_id SET DATA TYPE VARCHAR(256);
-- a reward's trigger is "order:" and the order id: 262 characters
ALTER TABLE referral_reward ALTER COLUMN trigger_name SET DATA TYPE VARCHAR(262);
