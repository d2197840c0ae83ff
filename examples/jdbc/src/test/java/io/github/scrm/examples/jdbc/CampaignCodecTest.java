package io.github.scrm.examples.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.ScrmException;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.money.Percent;
import io.github.scrm.core.spi.Audience;
import io.github.scrm.coupons.campaign.Campaign;
import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.campaign.ImmutableCampaign;
import io.github.scrm.coupons.template.Benefit;
import io.github.scrm.coupons.template.CouponTemplate;
import io.github.scrm.coupons.template.Scope;
import io.github.scrm.coupons.template.ScopeKind;
import io.github.scrm.coupons.template.ScopeRule;
import io.github.scrm.coupons.template.Stacking;
import io.github.scrm.coupons.template.ThresholdBase;
import io.github.scrm.coupons.template.UsageWindow;
import io.github.scrm.coupons.template.Validity;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class CampaignCodecTest {

  private static final Audience VIPS = Audience.of("vips", List.of(CustomerId.of("alice")));

  private final CampaignCodec codec = new CampaignCodec(name -> name.equals("vips") ? Optional.of(VIPS)
      : Optional.empty());

  @Test
  void read_ofWrite_givesEveryBenefitAndValidityKindBack() {
    List<Benefit> benefits = List.of(
        Benefit.threshold(300_00, 50_00),
        new Benefit.Repeating(Money.fen(100_00), Money.fen(10_00), Optional.of(Money.fen(50_00))),
        new Benefit.Repeating(Money.fen(100_00), Money.fen(10_00), Optional.empty()),
        new Benefit.Tiered(List.of(Benefit.Tier.of(100_00, 10_00), Benefit.Tier.of(200_00, 30_00))),
        new Benefit.Percentage(Percent.of(80), Optional.of(Money.fen(99_00)), Optional.of(Money.fen(40_00))),
        Benefit.noThreshold(5_00),
        new Benefit.FreeShipping(Optional.empty(), Optional.of(Money.fen(12_00))));
    List<Validity> validities = List.of(new Validity.DaysAfterIssue(7), new Validity.HoursAfterIssue(36),
        new Validity.Fixed(LocalDateTime.parse("2026-11-01T00:00"), LocalDateTime.parse("2026-12-01T00:00")));
    for (Benefit benefit : benefits) {
      for (Validity validity : validities) {
        Campaign campaign = campaign(benefit, validity);
        assertThat(codec.read(codec.write(campaign))).isEqualTo(campaign);
      }
    }
  }

  @Test
  void read_givesTheAudienceBackThroughTheResolver() {
    Campaign targeted = ImmutableCampaign.copyOf(campaign(Benefit.noThreshold(5_00),
        new Validity.DaysAfterIssue(3))).withAudience(VIPS);

    Campaign read = codec.read(codec.write(targeted));

    assertThat(read.audience()).containsSame(VIPS);
  }

  @Test
  void read_unknownAudience_failsInsteadOfOpeningTheCampaignToEverybody() {
    Audience unknown = Audience.of("lapsed", List.of());
    Campaign targeted = ImmutableCampaign.copyOf(campaign(Benefit.noThreshold(5_00),
        new Validity.DaysAfterIssue(3))).withAudience(unknown);
    String stored = codec.write(targeted);

    assertThatThrownBy(() -> codec.read(stored))
        .isInstanceOf(ScrmException.class)
        .hasMessageContaining("audience 'lapsed'");
  }

  private static Campaign campaign(Benefit benefit, Validity validity) {
    CouponTemplate template = CouponTemplate.builder().id("t1").name("Winter sale").benefit(benefit)
        .scope(Scope.of(ScopeRule.include(ScopeKind.CATEGORY, "coats", "boots"),
            ScopeRule.exclude(ScopeKind.BRAND, "outlet")))
        .thresholdBase(ThresholdBase.values()[ThresholdBase.values().length - 1])
        .validity(validity)
        .usageWindow(new UsageWindow(Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(11, 0),
            LocalTime.of(14, 0)))
        .stacking(Stacking.platform("winter").asExclusive())
        .transferable(true)
        .build();
    return Campaign.builder().id(CampaignId.of("winter-26")).template(template).stock(5_000).perCustomerLimit(2)
        .perDayLimit(1).claimFrom(LocalDateTime.parse("2026-11-01T00:00"))
        .claimUntil(LocalDateTime.parse("2026-12-01T00:00")).end(LocalDateTime.parse("2026-12-31T00:00"))
        .maxLiability(Money.fen(100_000_00)).maxDiscountGranted(Money.fen(80_000_00)).createdBy("op-lin").build();
  }
}
