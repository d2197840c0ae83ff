package io.github.scrm.examples.quickstart;

import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.event.IngestOutcome;
import io.github.scrm.core.event.PurchaseLine;
import io.github.scrm.core.event.Refund;
import io.github.scrm.core.event.RefundLine;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.coupons.Coupons;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.campaign.CreateResult;
import io.github.scrm.coupons.guardrail.DryRun;
import io.github.scrm.coupons.guardrail.Violation;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Section 4: guardrail dry runs, a birthday coupon, a post-order share coupon, a redemption and a partial refund. */
final class CouponChapter {

  private static final LocalDateTime SEASON_START = LocalDateTime.parse("2026-07-01T00:00");
  private static final LocalDateTime YEAR_END = LocalDateTime.parse("2027-01-01T00:00");

  static final String POSTER_10 = "poster-10";
  static final String POSTER_30 = "poster-30";

  private final Story story;
  private final Audiences audiences;
  final Coupons coupons;

  CouponChapter(Story story, Audiences audiences) {
    this.story = story;
    this.audiences = audiences;
    this.coupons = Coupons.builder().time(story.time).idSource(IdSource.sequential("coupon", Story.SEED))
        .codePrefix("LM").build();
  }

  void tell() {
    story.heading("4. Coupons");
    dryRuns();
    Campaign birthday = campaign("birthday-2026", "生日券 满200减30", Benefit.threshold(200_00, 30_00), 10_000, 1,
        new Validity.DaysAfterIssue(30));
    Campaign share = campaign("share-after-order", "分享券 满100减10", Benefit.threshold(100_00, 10_00), 20_000, 5,
        new Validity.HoursAfterIssue(48));
    create(birthday);
    create(share);
    // the rewards of section 5's poster campaign are coupons too
    create(campaign(POSTER_10, "助力券 无门槛10元", Benefit.noThreshold(10_00), 5_000, 3,
        new Validity.DaysAfterIssue(30)));
    create(campaign(POSTER_30, "助力券 满99减30", Benefit.threshold(99_00, 30_00), 5_000, 3,
        new Validity.DaysAfterIssue(30)));

    IssueResult gift = coupons.issuance().birthday(birthday.id(), story.mei, 2026);
    story.out.println("Mei's birthday is this month: " + issued(gift));
    PostOrderResult shared = coupons.issuance().afterOrder(share.id(), "o-mei-1", story.mei,
        new ShareRules(share.id(), Duration.ofHours(48), 5, 1));
    story.out.println("After her store order o-mei-1: " + issued(shared.buyerCoupon())
        + "; share link for up to 5 friends until " + local(shared.shareToken().expiresAt()));
    IssueResult friend = coupons.issuance().claimShared(shared.shareToken().token(), story.customers.get(41),
        "claim-friend-1");
    story.out.println("  a friend (" + story.customers.get(41) + ") claims through the link: " + issued(friend));

    redeemAndRefund((IssueResult.Issued) gift);

    CampaignReport report = coupons.campaigns().report(birthday.id());
    story.out.println("Campaign report " + report.campaign().value() + ": " + report.status() + ", issued "
        + report.issued() + ", claimed " + report.claimed() + ", redeemed " + report.redeemed() + " ("
        + report.redemptionRate() + "), discount granted " + report.discountGranted() + ", GMV " + report.gmv());
    CampaignReport shareReport = coupons.campaigns().report(share.id());
    story.out.println("Campaign report " + shareReport.campaign().value() + ": issued " + shareReport.issued()
        + ", claimed " + shareReport.claimed() + ", redeemed " + shareReport.redeemed());
  }

  private void dryRuns() {
    Campaign flood = campaign("flash-100-off", "无门槛100元券", Benefit.noThreshold(100_00), 200_000, 1,
        new Validity.DaysAfterIssue(30));
    DryRun refused = coupons.campaigns().dryRun(flood);
    story.out.println("Dry run " + flood.id().value() + " (no-threshold ¥100 x 200,000): " + verdict(refused));
    for (Violation v : refused.violations()) {
      story.out.println("  - " + v.rule() + ": " + v.message());
    }
    long audienceSize = audiences.audience.dryRun(0).size();
    Campaign endOfSeason = Campaign.builder().id(CampaignId.of("lumen-eos-2026"))
        .template(CouponTemplate.builder().id("eos-300-60").name("换季券 满300减60")
            .benefit(Benefit.threshold(300_00, 60_00)).validity(new Validity.DaysAfterIssue(14)).build())
        .stock(audienceSize).audience(audiences.audience).maxLiability(Money.fen(60_00 * audienceSize))
        .claimFrom(SEASON_START).claimUntil(YEAR_END).createdBy("op-wang").build();
    DryRun passes = coupons.campaigns().dryRun(endOfSeason);
    story.out.println("Dry run " + endOfSeason.id().value() + " (满300减60 to the end-of-season audience): "
        + verdict(passes) + "; " + passes.count() + " coupons, face value " + passes.faceValue().orElseThrow()
        + ", worst case " + passes.worstCaseLiability().orElseThrow());
  }

  private void redeemAndRefund(IssueResult.Issued gift) {
    String code = gift.coupon().code().value();
    Instant paidAt = Story.NOW.minus(Duration.ofMinutes(20));
    Order order = Order.of("o-mei-2", story.mei, "SH-Jingan", "miniprogram", List.of(
        OrderLine.of("dress", "dress-01-lumen", "dresses", World.BRAND, Money.fen(699_00), 1),
        OrderLine.of("tee", "tee-01-lumen", "t-shirts", World.BRAND, Money.fen(129_00), 2)));
    RedeemResult result = coupons.redemption().redeem(order, List.of(code), "pay-o-mei-2");
    if (!(result instanceof RedeemResult.Redeemed redeemed)) {
      story.out.println("Redemption refused: " + result);
      return;
    }
    Money paid = redeemed.quote().payable();
    story.out.println("Mei orders a dress and two tees (957.00 CNY) in the mini-program with the birthday coupon "
        + gift.coupon().code() + ": discount " + redeemed.quote().totalDiscount() + ", pays " + paid);
    ingest(new io.github.scrm.core.event.Purchase("mei-6", paidAt, paidAt, "miniprogram", List.of(story.meiMember),
        "o-mei-2", List.of(new PurchaseLine("dress-01-lumen", World.BRAND, "dresses", 1, Money.fen(699_00),
            Money.fen(0)), new PurchaseLine("tee-01-lumen", World.BRAND, "t-shirts", 2, Money.fen(129_00),
            Money.fen(0))), paid, List.of(code), "miniprogram", null, null));

    RefundResult refund = coupons.redemption().refund("o-mei-2", Map.of("tee", 1L), "refund-o-mei-2-1");
    if (refund instanceof RefundResult.Refunded r) {
      story.out.println("She returns one tee: refund " + r.refundAmount() + " (129.00 less its "
          + r.discountReturned() + " share of the coupon; clawback " + r.clawback() + ")");
      ingest(new Refund("mei-7", Story.NOW, Story.NOW, "miniprogram", List.of(story.meiMember), "o-mei-2",
          List.of(new RefundLine("tee-01-lumen", 1)), r.refundAmount()));
    } else {
      story.out.println("Refund refused: " + refund);
    }
    AttributeValues v = story.scrm.profile(story.mei).orElseThrow().attributesAt(Story.NOW, Story.SHANGHAI);
    story.out.println("Mei's profile now: orders " + v.get(StandardAttributes.ORDERS) + " | spend "
        + v.get(StandardAttributes.SPEND) + " | refunds " + v.get(StandardAttributes.REFUNDS)
        + " | coupons redeemed " + v.get(StandardAttributes.COUPON_REDEMPTIONS));
  }

  private void ingest(io.github.scrm.core.event.CustomerEvent event) {
    if (story.scrm.ingest(event) instanceof IngestOutcome.Rejected r) {
      story.out.println("  (event " + event.eventId() + " rejected: " + r.problems() + ")");
    }
  }

  private Campaign campaign(String id, String name, Benefit benefit, long stock, int perCustomer,
      Validity validity) {
    return Campaign.builder().id(CampaignId.of(id))
        .template(CouponTemplate.builder().id(id + "-template").name(name).benefit(benefit).validity(validity)
            .build())
        .stock(stock).perCustomerLimit(perCustomer).claimFrom(SEASON_START).claimUntil(YEAR_END)
        .createdBy("op-wang").build();
  }

  private void create(Campaign campaign) {
    CreateResult created = coupons.campaigns().create(campaign);
    if (!(created instanceof CreateResult.Active)) {
      throw new IllegalStateException("campaign " + campaign.id() + " should be active, but was " + created);
    }
  }

  private static String verdict(DryRun dry) {
    return dry.allowed() ? "PASSES" : dry.refused() ? "REFUSED" : "REFUSED: needs approval, "
        + dry.violations().size() + " guardrails broken";
  }

  private static String issued(IssueResult result) {
    return result instanceof IssueResult.Issued i ? "issued " + i.coupon().code() + " (campaign "
        + i.coupon().campaign().value() + ", valid until " + local(i.coupon().validUntil()) + ")"
        : "not issued: " + result;
  }

  private static String local(Instant instant) {
    return LocalDateTime.ofInstant(instant, Story.SHANGHAI).toString();
  }
}
