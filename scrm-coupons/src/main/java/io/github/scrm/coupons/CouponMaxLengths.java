package io.github.scrm.coupons;

import io.github.scrm.core.MaxLengths;

/**
 * The longest value, in UTF-16 characters, that each id and key the coupon engine stores may have. The engine refuses
 * a longer value where it is given (an {@code Order}, an issuance or redemption call, an {@code Actor}) with an {@link
 * IllegalArgumentException} naming the field, the limit and the actual length, so a {@code CouponStore} may keep every
 * kind in a column of this width. The JDBC example's schema uses these widths. Campaign ids have their own limit of
 * 64 ({@code CampaignId}), customer ids {@link MaxLengths#CUSTOMER_ID}.
 */
public final class CouponMaxLengths {

  private CouponMaxLengths() {}

  /** An order id, as in events: {@link MaxLengths#ORDER_ID}. */
  public static final int ORDER_ID = MaxLengths.ORDER_ID;

  /** A caller's idempotency key, which for a reservation is also its id. */
  public static final int IDEMPOTENCY_KEY = 200;

  /** An issuance batch name. */
  public static final int BATCH = 64;

  /**
   * An actor's id: an operator id or a system component's name such as {@code reward:<programme id>} (customers are
   * named by their customer id).
   */
  public static final int ACTOR_ID = 256;

  /**
   * A coupon code, prefix and check character included. {@link io.github.scrm.coupons.code.CodeGenerator} codes have
   * at most 23 characters and {@link io.github.scrm.coupons.code.SignedCodes} codes at most 36; the engine refuses a
   * longer code from a host's {@link io.github.scrm.coupons.code.CodeSource} before storing anything.
   */
  public static final int CODE = 64;

  /**
   * A ledger entry's reference: an order id, a reservation id, a batch, an approver, a sharer or an operator's reason.
   */
  public static final int REFERENCE = 300;

  /**
   * An operator's reason for a freeze, resume or revoke, which the ledger keeps as its entries' reference; may be
   * empty.
   */
  public static final int REASON = REFERENCE;

  /**
   * A key the engine composes from the values above: a quota key ({@code sf:<campaign>:<sharer>:<order>:<friend>} is
   * the longest) or a ledger entry's idempotency key ({@code post-order:<campaign>:<order>}, a caller's key, ...).
   */
  public static final int COMPOSED_KEY = 512;

  /**
   * Returns {@code value} when it has 1 to {@code max} non-blank characters, else throws an {@link
   * IllegalArgumentException} that names {@code field}, the limit and the actual length, never the value. The check the
   * engine applies; a host may call it to refuse its own input early.
   */
  public static String check(String field, String value, int max) {
    if (value.isBlank() || value.length() > max) {
      throw new IllegalArgumentException(field + ": must have 1 to " + max + " non-blank characters, but "
          + (value.isBlank() ? "was blank" : "had " + value.length()));
    }
    return value;
  }
}
