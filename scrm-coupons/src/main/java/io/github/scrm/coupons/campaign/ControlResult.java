package io.github.scrm.coupons.campaign;

/**
 * What a freeze, resume or revoke did.
 *
 * @param applied whether the campaign (or batch) changed state
 * @param couponsAffected how many coupons changed state
 */
public record ControlResult(boolean applied, long couponsAffected) {}
