package io.github.scrm.coupons.redemption;

import io.github.scrm.core.money.Money;
import io.github.scrm.coupons.CouponMaxLengths;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.campaign.CampaignStatus;
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
 * {@link io.github.scrm.coupons.code.SignedCodes}). The first synced use of a code redeems it by a conditional update
 * that also counts its discount against the campaign's {@code maxDiscountGranted} (an overrun is recorded, as the
 * discount was granted, and reported as {@link Status#OVER_BUDGET}); a later use of the same code on another order is
 * reported as a double use for follow-up. A use outside the coupon's window at {@code use.at()}, or while its campaign
 * is not active, changes nothing and is reported with its own status. A terminal does not know the buyer, so the
 * holder is not checked.
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
    /** Null checks; the discount must not be negative. */
    public Use {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(orderId, "orderId");
      Objects.requireNonNull(terminal, "terminal");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(discount, "discount");
      CouponMaxLengths.check("orderId", orderId, CouponMaxLengths.ORDER_ID);
      if (discount.isNegative()) {
        throw new IllegalArgumentException("offline use of order " + orderId + " on terminal " + terminal
            + ": discount must not be negative, but was " + discount);
      }
    }

    /** The code masked: codes are bearer secrets. */
    @Override
    public String toString() {
      return "Use[code=" + CouponCode.mask(code) + ", orderId=" + orderId + ", terminal=" + terminal + ", at=" + at
          + ", discount=" + discount + "]";
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
    REFUSED,
    /**
     * Recorded like {@link #ACCEPTED} (the discount was granted at the till, so the coupon is used and the discount
     * counted), but the campaign's committed discount is now above its {@code maxDiscountGranted}: follow it up.
     */
    OVER_BUDGET,
    /** The terminal accepted the coupon outside its validity window ({@code use.at()}); nothing changed. */
    EXPIRED,
    /**
     * The coupon's campaign is paused, frozen, revoked or pending approval now; nothing changed. Sync the use again
     * after the campaign is resumed to record it.
     */
    CAMPAIGN_NOT_ACTIVE
  }

  /**
   * The outcome for one use.
   *
   * @param use the use
   * @param status what happened
   */
  public record Result(Use use, Status status) {}

  List<Result> sync(List<Use> uses) {
    // a discount in another currency would be counted as that many fen: refuse the batch before any use is recorded
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < uses.size(); i++) {
      Use use = uses.get(i);
      Optional<Campaign> campaign = ctx.store().coupon(new CouponCode(use.code()))
          .flatMap(c -> ctx.campaign(c.campaign()));
      if (campaign.isPresent() && !campaign.get().template().currency().equals(use.discount().currency())) {
        problems.add("use " + i + " (order " + use.orderId() + ", terminal " + use.terminal()
            + "): discount must be in " + campaign.get().template().currency() + ", the coupon's currency, but was "
            + use.discount());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("offline uses refused, none recorded: " + String.join("; ", problems));
    }
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
      if (ctx.store().status(c.campaign()).orElse(CampaignStatus.REVOKED) != CampaignStatus.ACTIVE) {
        return Status.CAMPAIGN_NOT_ACTIVE;
      }
      if (!c.validAt(use.at())) {
        return Status.EXPIRED;
      }
      long discount = use.discount().minorUnits();
      LedgerEntry entry = new LedgerEntry(c.campaign(), c.code().value(), LedgerEvent.REDEEMED,
          marker + ":" + c.code().fingerprint(), Actor.system("pos:" + use.terminal()), use.at(), discount, use.orderId());
      if (ctx.store().redeemOffline(c, c.with(CouponStatus.REDEEMED, Optional.of(marker)), discount, entry)) {
        ctx.breaker().redeemed(c.campaign(), 1, ctx.time().now());
        Optional<Money> budget = ctx.campaign(c.campaign()).flatMap(Campaign::maxDiscountGranted);
        boolean over = budget.isPresent()
            && ctx.store().counters(c.campaign()).committedDiscountFen() > budget.get().minorUnits();
        return over ? Status.OVER_BUDGET : Status.ACCEPTED;
      }
    }
  }
}
