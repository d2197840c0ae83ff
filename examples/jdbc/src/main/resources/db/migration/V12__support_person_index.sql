-- An erasure renames every support of one person across campaigns (UPDATE ... WHERE person = ?); the unique key
-- starts with the campaign, so without this index each erasure read the whole table.
CREATE INDEX referral_support_person ON referral_support (person);
