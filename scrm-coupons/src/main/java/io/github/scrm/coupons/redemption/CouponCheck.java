package io.github.scrm.coupons.redemption;

import io.github.scrm.core.money.Money;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.campaign.CampaignStatus;
import io.github.scrm.coupons.campaign.Coupon;
import io.github.scrm.coupons.code.CouponCode;
import io.github.scrm.coupons.internal.CouponsContext;
import io.github.scrm.coupons.order.Order;
import io.github.scrm.coupons.spi.Reservation;
import io.github.scrm.coupons.template.CouponTemplate;
import java.time.Instant;
import java.util.Optional;

/** Checks one coupon alone against an order: ownership, state, windows, scope and threshold. */
final class CouponCheck {
  static final String NOT_FOUND_MESSAGE = "没有可用的优惠券 (no usable coupon with this code)";

  private final CouponsContext ctx;

  CouponCheck(CouponsContext ctx) {
    this.ctx = ctx;
  }

  /** The outcome of a check: a verdict and, when usable, the priced candidate. */
  record Checked(Verdict verdict, Optional<Candidate> candidate) {}

  Checked check(String codeText, Order order, Instant now) {
    return check(codeText, order, now, new PricingState(order, ctx.policy().payableFloor().minorUnits()));
  }

  /** Checks against a shared, unmodified starting state of the order (saves rebuilding it per coupon). */
  Checked check(String codeText, Order order, Instant now, PricingState start) {
    Optional<Coupon> found = CouponCode.wellFormed(codeText)
        ? ctx.store().coupon(new CouponCode(codeText)) : Optional.empty();
    if (found.isEmpty() || !found.get().holder().equals(order.customer())) {
      return no(codeText, Rejection.NOT_FOUND, NOT_FOUND_MESSAGE);
    }
    return check(found.get(), order, now, start);
  }

  Checked check(Coupon coupon, Order order, Instant now, PricingState state) {
    String code = coupon.code().value();
    if (!coupon.holder().equals(order.customer())) {
      return no(code, Rejection.NOT_FOUND, NOT_FOUND_MESSAGE);
    }
    switch (coupon.status()) {
      case REDEEMED:
        return no(code, Rejection.USED, "已使用 (already used)");
      case FROZEN:
      case REVOKED:
        return no(code, Rejection.FROZEN, "已冻结 (frozen)");
      case EXPIRED:
        return no(code, Rejection.EXPIRED, "已过期 (expired at " + coupon.validUntil() + ")");
      case RESERVED:
        Optional<Reservation> holder = coupon.reservation().flatMap(id -> ctx.store().reservation(id));
        boolean stillHeld = holder.isPresent() && holder.get().state() == Reservation.State.ACTIVE
            && now.isBefore(holder.get().expiresAt()) && !holder.get().orderId().equals(order.orderId());
        if (stillHeld) {
          return no(code, Rejection.IN_USE, "已被其他订单占用 (held by another order)");
        }
        break;
      default:
        break;
    }
    Campaign campaign = ctx.campaign(coupon.campaign()).orElseThrow(
        () -> new IllegalStateException("coupon's campaign " + coupon.campaign() + " is missing from the store"));
    CampaignStatus status = ctx.store().status(coupon.campaign()).orElse(CampaignStatus.REVOKED);
    if (status != CampaignStatus.ACTIVE) {
      return no(code, Rejection.FROZEN, "活动已暂停 (campaign " + status.name().toLowerCase() + ")");
    }
    if (now.isBefore(coupon.validFrom())) {
      return no(code, Rejection.NOT_YET_VALID, "未到使用时间, 从 " + coupon.validFrom() + " 起可用");
    }
    if (!now.isBefore(coupon.validUntil())) {
      return no(code, Rejection.EXPIRED, "已过期 (expired at " + coupon.validUntil() + ")");
    }
    CouponTemplate template = campaign.template();
    if (template.usageWindow().isPresent() && !template.usageWindow().get().allows(now, ctx.time().zone())) {
      return no(code, Rejection.OUTSIDE_USAGE_WINDOW, "不在可用时段 (outside the usage window)");
    }
    if (!template.currency().equals(order.currency()) || !template.scope().covers(order)) {
      return no(code, Rejection.OUT_OF_SCOPE, "本店或本渠道不可用 (store or channel out of scope)");
    }
    Candidate candidate = new Candidate(coupon, template, order);
    if (!candidate.anyEligible()) {
      return no(code, Rejection.OUT_OF_SCOPE, "订单中没有适用商品 (no line in scope)");
    }
    long base = state.thresholdBase(candidate);
    long minimum = template.benefit().minimumSpend();
    if (base < minimum) {
      Money missing = Money.of(minimum - base, order.currency());
      return new Checked(new Verdict.Unusable(code, Rejection.BELOW_THRESHOLD, Optional.of(missing),
          "差¥" + missing.toMajor().toPlainString()), Optional.empty());
    }
    long discount = state.discount(candidate);
    if (discount == 0) {
      return no(code, Rejection.NO_DISCOUNT, "本单无优惠 (no discount on this order)");
    }
    return new Checked(new Verdict.Usable(code, template.name(), Money.of(discount, order.currency())),
        Optional.of(candidate));
  }

  private static Checked no(String code, Rejection reason, String message) {
    return new Checked(new Verdict.Unusable(code, reason, Optional.empty(), message), Optional.empty());
  }
}
