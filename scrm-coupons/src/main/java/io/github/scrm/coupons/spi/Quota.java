package io.github.scrm.coupons.spi;

import io.github.scrm.coupons.CouponMaxLengths;
import java.util.Objects;

/**
 * A named counter an issuance must increment without passing {@code limit}, such as "coupons of campaign C held by
 * customer X" or "claims through share token T". The store increments every quota of a command or none.
 *
 * @param key the counter key (opaque; built by the engine, at most {@link CouponMaxLengths#COMPOSED_KEY} characters)
 * @param limit the largest value the counter may reach
 * @param refusal the refusal reported when the counter is full
 */
public record Quota(String key, long limit, IssueOutcome.Reason refusal) {

  /** Null checks. */
  public Quota {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(refusal, "refusal");
    CouponMaxLengths.check("quota key", key, CouponMaxLengths.COMPOSED_KEY);
  }
}
