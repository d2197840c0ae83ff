-- A reward's level is explicit (1 direct, 2 and up for the referrers above), no longer a ":L<n>" suffix on the trigger
-- and the id: an order id is the host's free text, and order "X:L2"'s direct reward had the id of order "X"'s level 2.
-- Rows stored with the suffix get their level back; an upper level's trigger is then the one of the qualification it
-- came from. The suffix is only read where the trigger is not that qualification's own ("order:" || order_id), so a
-- direct reward for an order id that contains ":L" stays level 1. Their ids keep the old spelling: the engine looks
-- for those too when an order is refunded.

ALTER TABLE referral_reward ADD COLUMN reward_level INTEGER DEFAULT 1 NOT NULL;

UPDATE referral_reward
   SET reward_level = CAST(SUBSTRING(trigger_name FROM 17) AS INTEGER), trigger_name = 'first-purchase'
 WHERE trigger_name LIKE 'first-purchase:L%';

UPDATE referral_reward
   SET reward_level = CAST(SUBSTRING(trigger_name FROM 15) AS INTEGER), trigger_name = 'registration'
 WHERE trigger_name LIKE 'registration:L%';

UPDATE referral_reward
   SET reward_level = CAST(SUBSTRING(trigger_name FROM CHAR_LENGTH(order_id) + 9) AS INTEGER),
       trigger_name = 'order:' || order_id
 WHERE order_id IS NOT NULL
   AND trigger_name <> 'order:' || order_id
   AND SUBSTRING(trigger_name FROM 1 FOR CHAR_LENGTH(order_id) + 8) = 'order:' || order_id || ':L';

-- Escaping a bar or backslash in an id makes it longer; a trigger holds "order:" and an order id of up to 200
-- characters.
ALTER TABLE referral_reward ALTER COLUMN reward_id SET DATA TYPE VARCHAR(1100);
ALTER TABLE referral_reward ALTER COLUMN trigger_name SET DATA TYPE VARCHAR(210);
