package io.github.scrm.coupons.issuance;

import io.github.scrm.coupons.campaign.Coupon;

/** What an issuance call did. */
public sealed interface IssueResult {

  /** A coupon was issued; {@code repeated} when an earlier call with the same key issued it. */
  record Issued(Coupon coupon, boolean repeated) implements IssueResult {}

  /** Nothing was issued, for {@code reason}; {@code message} gives the rule and the value. */
  record NotIssued(IssueRefusal reason, String message) implements IssueResult {}

  /** Whether a coupon was issued (now or by an earlier call with the same key). */
  default boolean issued() {
    return this instanceof Issued;
  }
}
