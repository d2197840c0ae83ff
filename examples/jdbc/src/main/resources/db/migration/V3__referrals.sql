-- Referrals: codes, attributions and the reward ledger. Primary and unique keys make every insert insert-if-absent;
-- rewards change only by UPDATE ... WHERE version = ?.

CREATE TABLE referral_code (
  code                VARCHAR(32)  PRIMARY KEY,
  programme           VARCHAR(200) NOT NULL,
  owner_id            VARCHAR(128) NOT NULL,
  issued_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT referral_code_one_per_owner UNIQUE (programme, owner_id)
);

CREATE TABLE referral_attribution (
  programme           VARCHAR(200) NOT NULL,
  referee_id          VARCHAR(128) NOT NULL,
  referrer_id         VARCHAR(128) NOT NULL,
  explicit            BOOLEAN      NOT NULL,
  touched_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  attributed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (programme, referee_id)
);

CREATE TABLE referral_reward (
  reward_id           VARCHAR(300) PRIMARY KEY,
  programme           VARCHAR(200) NOT NULL,
  beneficiary_id      VARCHAR(128) NOT NULL,
  referee_id          VARCHAR(128),
  trigger_name        VARCHAR(100) NOT NULL,
  order_id            VARCHAR(200),
  reward_key          VARCHAR(200) NOT NULL,
  value_minor         BIGINT       NOT NULL,
  currency            CHAR(3)      NOT NULL,
  state               VARCHAR(20)  NOT NULL,
  qualified_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  payable_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  review_deadline     TIMESTAMP WITH TIME ZONE,
  flags               TEXT         NOT NULL,
  note                TEXT         NOT NULL,
  reference_id        VARCHAR(300),
  version             BIGINT       NOT NULL
);
CREATE INDEX referral_reward_by_programme ON referral_reward (programme);
