package io.github.scrm.benchmarks.coupons;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.money.Percent;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.coupons.Coupons;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.campaign.CampaignStatus;
import io.github.scrm.coupons.guardrail.Guardrails;
import io.github.scrm.coupons.order.Order;
import io.github.scrm.coupons.order.OrderLine;
import io.github.scrm.coupons.spi.CouponStores;
import io.github.scrm.coupons.template.Benefit;
import io.github.scrm.coupons.template.CouponTemplate;
import io.github.scrm.coupons.template.Stacking;
import io.github.scrm.coupons.template.Validity;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Shared set-up of the coupon benchmarks: an engine over the in-memory store with a secure random source. */
final class BenchFixtures {
  private BenchFixtures() {}

  /** Caps high enough for benchmark volumes; the circuit breaker off so that fast redemption is not paused. */
  static Coupons engine() {
    return engine(16);
  }

  /** An engine whose in-memory store is sized for {@code expectedCoupons}. */
  static Coupons engine(int expectedCoupons) {
    Money huge = Money.fen(Long.MAX_VALUE / 4);
    Guardrails rails = Guardrails.builder().maxQuantity(Long.MAX_VALUE).maxLiability(huge).maxFaceValue(huge)
        .maxNoThresholdValue(huge).maxValueToThreshold(Percent.of(100)).speedLimit(Optional.empty()).build();
    return Coupons.builder().time(BusinessTime.of(Clock.systemUTC())).idSource(IdSource.secure(new SecureRandom()))
        .store(CouponStores.inMemory(expectedCoupons)).guardrails(rails).build();
  }

  static CouponTemplate template(String id, Benefit benefit, Stacking stacking) {
    return CouponTemplate.builder().id(id).name(id).benefit(benefit).validity(new Validity.DaysAfterIssue(30))
        .stacking(stacking).build();
  }

  static CampaignId campaign(Coupons coupons, String id, CouponTemplate template, long stock, int perCustomer) {
    Campaign c = Campaign.builder().id(CampaignId.of(id)).template(template).stock(stock)
        .perCustomerLimit(perCustomer).claimFrom(LocalDateTime.parse("2020-01-01T00:00"))
        .claimUntil(LocalDateTime.parse("2100-01-01T00:00")).createdBy("bench").build();
    coupons.campaigns().create(c);
    if (coupons.store().status(c.id()).orElseThrow() != CampaignStatus.ACTIVE) {
      throw new IllegalStateException("benchmark campaign " + id + " must start active");
    }
    return c.id();
  }

  private static final List<OrderLine> THREE_LINES = List.of(
      OrderLine.of("L0", "sku-0", "food", "brand-0", Money.fen(59_90), 2),
      OrderLine.of("L1", "sku-1", "drinks", "brand-1", Money.fen(12_50), 4),
      OrderLine.of("L2", "sku-2", "food", "brand-2", Money.fen(88_00), 1));

  static Order threeLineOrder(CustomerId customer, String orderId) {
    return Order.of(orderId, customer, "store-1", "pos", THREE_LINES);
  }

  static Order tenLineOrder(CustomerId customer, String orderId) {
    List<OrderLine> lines = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      lines.add(OrderLine.of("L" + i, "sku-" + i, i % 2 == 0 ? "food" : "drinks", "brand-" + (i % 3),
          Money.fen(19_90 + i * 7_13), 1 + i % 3));
    }
    return Order.of(orderId, customer, "store-1", "mini-program", lines);
  }
}
