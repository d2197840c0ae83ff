package io.github.scrm.coupons.testing;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.money.Percent;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.coupons.Coupons;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.guardrail.Guardrails;
import io.github.scrm.coupons.order.Order;
import io.github.scrm.coupons.order.OrderLine;
import io.github.scrm.coupons.spi.CouponStore;
import io.github.scrm.coupons.template.Benefit;
import io.github.scrm.coupons.template.CouponTemplate;
import io.github.scrm.coupons.template.Stacking;
import io.github.scrm.coupons.template.Validity;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Fixtures that read like prose, shared by the module's tests and by store contract tests. */
public final class Fixtures {
  /** 2026-11-22 10:00 in Shanghai. */
  public static final Instant NOW = LocalDateTime.parse("2026-11-22T10:00").atZone(BusinessTime.SHANGHAI).toInstant();

  private Fixtures() {}

  /** A customer with {@code id}. */
  public static CustomerId customer(String id) {
    return CustomerId.of(id);
  }

  /** Alice. */
  public static CustomerId alice() {
    return customer("alice");
  }

  /** Bob. */
  public static CustomerId bob() {
    return customer("bob");
  }

  /** An engine over {@code store} with a mutable clock at {@link #NOW}, permissive guardrails. */
  public static Coupons engine(CouponStore store, MutableClock clock) {
    return Coupons.builder().time(BusinessTime.of(clock)).idSource(IdSource.sequential("t", 42)).store(store)
        .guardrails(permissive()).build();
  }

  /** Guardrails that let every valid campaign start at once (for tests of other features). */
  public static Guardrails permissive() {
    Money huge = Money.fen(Long.MAX_VALUE / 2);
    return Guardrails.builder().maxQuantity(Long.MAX_VALUE).maxLiability(huge).maxFaceValue(huge)
        .maxNoThresholdValue(huge).maxValueToThreshold(Percent.of(100)).allowUncappedPercentage(true)
        .allowUncappedRepeating(true)
        .maxValidity(java.time.Duration.ofDays(3650)).speedLimit(Optional.empty()).build();
  }

  /** A clock at {@link #NOW}. */
  public static MutableClock clock() {
    return new MutableClock(NOW);
  }

  /** A 满{threshold}减{amount} template valid 30 days after issue, in its own stacking group. */
  public static CouponTemplate aThresholdCoupon(long thresholdFen, long amountFen) {
    return template("mj-" + thresholdFen + "-" + amountFen, Benefit.threshold(thresholdFen, amountFen));
  }

  /** A no-threshold template. */
  public static CouponTemplate aNoThresholdCoupon(long amountFen) {
    return template("wmk-" + amountFen, Benefit.noThreshold(amountFen));
  }

  /** A percentage template paying {@code payPercent}% with a maximum discount. */
  public static CouponTemplate aPercentageCoupon(int payPercent, long maxFen) {
    return template("zk-" + payPercent, new Benefit.Percentage(Percent.of(payPercent), Optional.empty(),
        Optional.of(Money.fen(maxFen))));
  }

  /** A template with {@code benefit}, 30 days validity, its own group. */
  public static CouponTemplate template(String id, Benefit benefit) {
    return CouponTemplate.builder().id(id).name(id).benefit(benefit).validity(new Validity.DaysAfterIssue(30))
        .stacking(Stacking.shop(id)).build();
  }

  /** A campaign for {@code template} with {@code stock}, limit 1 per customer, claims open around {@link #NOW}. */
  public static Campaign campaign(String id, CouponTemplate template, long stock) {
    return campaign(id, template, stock, 1);
  }

  /** A campaign with a per-customer limit. */
  public static Campaign campaign(String id, CouponTemplate template, long stock, int perCustomer) {
    return Campaign.builder().id(CampaignId.of(id)).template(template).stock(stock).perCustomerLimit(perCustomer)
        .claimFrom(LocalDateTime.parse("2026-11-01T00:00")).claimUntil(LocalDateTime.parse("2026-12-31T00:00"))
        .createdBy("op-alice").build();
  }

  /** An order of {@code customer} with one line per amount (sku-i, category "food", brand "acme", qty 1). */
  public static Order order(String orderId, CustomerId customer, long... lineFen) {
    List<OrderLine> lines = new ArrayList<>();
    for (int i = 0; i < lineFen.length; i++) {
      lines.add(OrderLine.of("L" + i, "sku-" + i, "food", "acme", Money.fen(lineFen[i]), 1));
    }
    return Order.of(orderId, customer, "store-1", "mini-program", lines);
  }
}
