-- Customer profiles: one row per customer holding the lossless JSON form of ProfileCodec. The version grows by one
-- on every write; updates lock the row (SELECT ... FOR UPDATE) and check the row count of their UPDATE.

CREATE TABLE customer_profile (
  customer_id         VARCHAR(128) PRIMARY KEY,
  version             BIGINT       NOT NULL,
  profile             TEXT         NOT NULL
);
