package io.github.scrm.coupons.redemption;

import io.github.scrm.core.money.Money;
import io.github.scrm.coupons.campaign.Coupon;
import io.github.scrm.coupons.campaign.CouponStatus;
import io.github.scrm.coupons.code.CouponCode;
import io.github.scrm.coupons.internal.CouponsContext;
import io.github.scrm.coupons.ledger.Actor;
import io.github.scrm.coupons.ledger.LedgerEntry;
import io.github.scrm.coupons.ledger.LedgerEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reconciles redemptions that point-of-sale terminals accepted offline (after verifying a signed code with
 * {@link io.github.scrm.coupons.code.SignedCodes}). The first synced use of a code redeems it by a conditional update;
 * a later use of the same code on another order is reported as a double use for follow-up.
 */
public final class OfflineSync {
  private final CouponsContext ctx;

  OfflineSync(CouponsContext ctx) {
    this.ctx = ctx;
  }

  /**
   * One offline redemption as the terminal recorded it.
   *
   * @param code the code
   * @param orderId the terminal's order id
   * @param terminal the terminal id
   * @param at when the terminal accepted it
   * @param discount the discount it granted
   */
  public record Use(String code, String orderId, String terminal, Instant at, Money discount) {
    /** Null checks. */
    public Use {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(orderId, "orderId");
      Objects.requireNonNull(terminal, "terminal");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(discount, "discount");
    }
  }

  /** The outcome of syncing one use. */
  public enum Status {
    /** First use: the coupon is now redeemed (or this exact use was synced before). */
    ACCEPTED,
    /** The coupon was already used on another order: a double use. */
    DOUBLE_USE,
    /** No coupon with this code. */
    UNKNOWN,
    /** The coupon is frozen or revoked. */
    REFUSED
  }

  /**
   * The outcome for one use.
   *
   * @param use the use
   * @param status what happened
   */
  public record Result(Use use, Status status) {}

  List<Result> sync(List<Use> uses) {
    List<Result> out = new ArrayList<>();
    for (Use use : uses) {
      out.add(new Result(use, sync(use)));
    }
    return out;
  }

  private Status sync(Use use) {
    String marker = "offline:" + use.orderId();
    while (true) {
      Optional<Coupon> found = ctx.store().coupon(new CouponCode(use.code()));
      if (found.isEmpty()) {
        return Status.UNKNOWN;
      }
      Coupon c = found.get();
      if (c.status() == CouponStatus.REDEEMED) {
        return c.reservation().equals(Optional.of(marker)) ? Status.ACCEPTED : Status.DOUBLE_USE;
      }
      if (c.status() != CouponStatus.AVAILABLE) {
        return Status.REFUSED;
      }
      LedgerEntry entry = new LedgerEntry(c.campaign(), c.code().value(), LedgerEvent.REDEEMED,
          marker + ":" + use.code(), Actor.system("pos:" + use.terminal()), use.at(), use.discount().minorUnits(),
          use.orderId());
      if (ctx.store().replace(c, c.with(CouponStatus.REDEEMED, Optional.of(marker)), entry)) {
        ctx.breaker().redeemed(c.campaign(), 1, ctx.time().now());
        return Status.ACCEPTED;
      }
    }
  }
}
