package io.github.scrm.coupons.issuance;

/**
 * What the post-order trigger did.
 *
 * @param buyerCoupon the short-lived coupon for the buyer
 * @param shareToken the token the buyer may share with friends
 */
public record PostOrderResult(IssueResult buyerCoupon, ShareToken shareToken) {}
