package io.github.scrm.coupons.issuance;

/** Why a transfer changed nothing. */
public enum TransferRefusal {
  /** No coupon with this code is held by the giver. */
  NOT_HELD,
  /** The coupon's template is not transferable. */
  NOT_TRANSFERABLE,
  /** The coupon was transferred once already; a coupon goes to another customer at most once. */
  ALREADY_TRANSFERRED,
  /** The coupon is not available (reserved, used, frozen, revoked or expired). */
  NOT_AVAILABLE,
  /** The receiver is the holder. */
  RECEIVER_IS_HOLDER,
  /** The receiver already holds the most coupons of the campaign one customer may hold. */
  RECEIVER_LIMIT
}
