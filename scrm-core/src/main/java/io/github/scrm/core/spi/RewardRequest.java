package io.github.scrm.core.spi;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A request to pay one reward, such as a referral reward or a supporter-campaign ladder step.
 *
 * @param rewardId the idempotency key: the same id twice pays once
 * @param programme the programme or campaign that earned it
 * @param beneficiary who receives the reward
 * @param rewardKey what to give, in the issuer's terms (a coupon campaign id, a points product); opaque to core
 * @param value the face value used for budgets and reports
 * @param occurredAt when the reward was earned
 */
public record RewardRequest(
    String rewardId, String programme, CustomerId beneficiary, String rewardKey, Money value, Instant occurredAt) {

  /** Validates the parts. */
  public RewardRequest {
    Objects.requireNonNull(rewardId, "rewardId");
    Objects.requireNonNull(programme, "programme");
    Objects.requireNonNull(beneficiary, "beneficiary");
    Objects.requireNonNull(rewardKey, "rewardKey");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(occurredAt, "occurredAt");
    if (rewardId.isBlank()) {
      throw new IllegalArgumentException("rewardId must not be blank");
    }
    if (value.isNegative()) {
      throw new IllegalArgumentException("reward value must not be negative, but was " + value);
    }
  }
}
