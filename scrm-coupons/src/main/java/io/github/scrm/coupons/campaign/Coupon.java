package io.github.scrm.coupons.campaign;

import io.github.scrm.coupons.code.CouponCode;
import io.github.scrm.core.customer.CustomerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One issued coupon as stored. Every change produces a new value with {@code version + 1}, which lets a store apply
 * changes as conditional updates ({@code ... WHERE code = ? AND version = ?}).
 *
 * @param code the unguessable code
 * @param campaign the campaign that issued it
 * @param batch the issuance batch (a bulk run, a trigger name, "claim")
 * @param holder the customer who may use it
 * @param issuedAt when it was issued
 * @param validFrom first usable instant
 * @param validUntil end of the window, exclusive
 * @param status current state
 * @param reservation the reservation holding it while {@link CouponStatus#RESERVED}
 * @param transferred whether it was already given to another customer (at most once)
 * @param restored whether a refund has restored it (a restored coupon can be restored again only after a new use)
 * @param version incremented by every change
 */
public record Coupon(
    CouponCode code,
    CampaignId campaign,
    String batch,
    CustomerId holder,
    Instant issuedAt,
    Instant validFrom,
    Instant validUntil,
    CouponStatus status,
    Optional<String> reservation,
    boolean transferred,
    boolean restored,
    long version) {

  /** Null checks. */
  public Coupon {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(campaign, "campaign");
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(validFrom, "validFrom");
    Objects.requireNonNull(validUntil, "validUntil");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reservation, "reservation");
  }

  /** A copy in {@code next} state with the given reservation, version + 1. */
  public Coupon with(CouponStatus next, Optional<String> reservationId) {
    return new Coupon(code, campaign, batch, holder, issuedAt, validFrom, validUntil, next, reservationId,
        transferred, restored, version + 1);
  }

  /** A copy held by {@code newHolder}, marked transferred, version + 1. */
  public Coupon transferredTo(CustomerId newHolder) {
    return new Coupon(code, campaign, batch, newHolder, issuedAt, validFrom, validUntil, status, reservation,
        true, restored, version + 1);
  }

  /** A copy made available again by a refund, valid until {@code until}, version + 1. */
  public Coupon restoredUntil(Instant until) {
    return new Coupon(code, campaign, batch, holder, issuedAt, validFrom, until, CouponStatus.AVAILABLE,
        Optional.empty(), transferred, true, version + 1);
  }

  /** Whether {@code instant} is inside {@code [validFrom, validUntil)}. */
  public boolean validAt(Instant instant) {
    return !instant.isBefore(validFrom) && instant.isBefore(validUntil);
  }
}
