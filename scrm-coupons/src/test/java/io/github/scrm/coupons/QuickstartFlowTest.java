package io.github.scrm.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.campaign.CreateResult;
import io.github.scrm.coupons.guardrail.DryRun;
import io.github.scrm.coupons.issuance.IssueResult;
import io.github.scrm.coupons.issuance.PostOrderResult;
import io.github.scrm.coupons.issuance.ShareRules;
import io.github.scrm.coupons.ledger.CampaignReport;
import io.github.scrm.coupons.order.Order;
import io.github.scrm.coupons.order.OrderLine;
import io.github.scrm.coupons.redemption.RedeemResult;
import io.github.scrm.coupons.redemption.RefundResult;
import io.github.scrm.coupons.template.Benefit;
import io.github.scrm.coupons.template.CouponTemplate;
import io.github.scrm.coupons.template.Validity;
import io.github.scrm.coupons.testing.Fixtures;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The flow the quickstart example shows, kept working here: copy it into a host. */
final class QuickstartFlowTest {

  @Test
  void birthdayAndShareCoupons_redeemOne_refundPart_reportAndRefusedDryRun() {
    Coupons coupons = Coupons.builder().time(BusinessTime.of(Fixtures.clock()))
        .idSource(IdSource.sequential("demo", 1)).build();
    CustomerId alice = CustomerId.of("alice");
    CustomerId bob = CustomerId.of("bob");

    Campaign birthday = Campaign.builder().id(CampaignId.of("birthday"))
        .template(CouponTemplate.builder().id("bday-200-30").name("生日券 满200减30")
            .benefit(Benefit.threshold(200_00, 30_00)).validity(new Validity.DaysAfterIssue(7)).build())
        .stock(10_000).claimFrom(LocalDateTime.parse("2026-01-01T00:00"))
        .claimUntil(LocalDateTime.parse("2027-01-01T00:00")).createdBy("op-alice").build();
    Campaign postOrder = Campaign.builder().id(CampaignId.of("post-order"))
        .template(CouponTemplate.builder().id("share-100-10").name("分享券 满100减10")
            .benefit(Benefit.threshold(100_00, 10_00)).validity(new Validity.HoursAfterIssue(24)).build())
        .stock(10_000).perCustomerLimit(3).claimFrom(LocalDateTime.parse("2026-01-01T00:00"))
        .claimUntil(LocalDateTime.parse("2027-01-01T00:00")).createdBy("op-alice").build();
    assertThat(coupons.campaigns().create(birthday)).isInstanceOf(CreateResult.Active.class);
    assertThat(coupons.campaigns().create(postOrder)).isInstanceOf(CreateResult.Active.class);

    IssueResult gift = coupons.issuance().birthday(birthday.id(), alice, 2026);
    PostOrderResult shared = coupons.issuance().afterOrder(postOrder.id(), "order-0", alice,
        new ShareRules(postOrder.id(), Duration.ofHours(24), 5, 1));
    assertThat(coupons.issuance().claimShared(shared.shareToken().token(), bob, "bob-claim").issued()).isTrue();

    Order order = Order.of("order-1", alice, "store-1", "mini-program", List.of(
        OrderLine.of("tea", "sku-tea", "drinks", "acme", Money.fen(60_00), 2),
        OrderLine.of("cake", "sku-cake", "food", "acme", Money.fen(180_00), 1)));
    String code = ((IssueResult.Issued) gift).coupon().code().value();
    RedeemResult redeemed = coupons.redemption().redeem(order, List.of(code), "pay-order-1");
    assertThat(((RedeemResult.Redeemed) redeemed).quote().totalDiscount()).isEqualTo(Money.fen(30_00));

    RefundResult refund = coupons.redemption().refund("order-1", Map.of("tea", 1L), "refund-1");
    // the tea lines carry 120/300 of the 30.00 discount: one of two teas returns 6.00; 240.00 kept stays above 200
    assertThat(((RefundResult.Refunded) refund).discountReturned()).isEqualTo(Money.fen(6_00));
    assertThat(((RefundResult.Refunded) refund).refundAmount()).isEqualTo(Money.fen(54_00));

    CampaignReport report = coupons.campaigns().report(birthday.id());
    assertThat(report.redeemed()).isEqualTo(1);
    assertThat(report.discountGranted()).isEqualTo(Money.fen(24_00));

    Campaign slip = Campaign.builder().id(CampaignId.of("slip"))
        .template(CouponTemplate.builder().id("wmk-100").name("无门槛100")
            .benefit(Benefit.noThreshold(100_00)).validity(new Validity.DaysAfterIssue(30)).build())
        .stock(1_000_000).claimFrom(LocalDateTime.parse("2026-01-01T00:00"))
        .claimUntil(LocalDateTime.parse("2027-01-01T00:00")).createdBy("op-alice").build();
    DryRun dry = coupons.campaigns().dryRun(slip);
    assertThat(dry.allowed()).isFalse();
    assertThat(coupons.campaigns().create(slip)).isInstanceOf(CreateResult.PendingApproval.class);
  }
}
