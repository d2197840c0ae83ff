package io.github.scrm.coupons.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.scrm.core.money.Money;
import io.github.scrm.core.money.Percent;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class CouponTemplateTest {

  @Test
  void build_withManyBadValues_listsEveryProblem() {
    InvalidTemplateException e = catchThrowableOfType(() -> CouponTemplate.builder().id("bad").name("bad")
        .benefit(new Benefit.Threshold(Money.fen(100_00), Money.fen(100_00)))
        .scope(new Scope(java.util.List.of(new ScopeRule("warehouse", Set.of("w1"), false))))
        .validity(new Validity.Fixed(LocalDateTime.parse("2026-12-01T00:00"), LocalDateTime.parse("2026-11-01T00:00")))
        .build(), InvalidTemplateException.class);
    assertThat(e.problems()).containsExactlyInAnyOrder(
        "amount must be below the threshold, but was 100.00 CNY for a threshold of 100.00 CNY",
        "scope rule 0: kind must be one of CATEGORY, BRAND, SKU, STORE, CHANNEL, but was 'warehouse'",
        "validity must end after it starts, but was [2026-12-01T00:00, 2026-11-01T00:00)");
  }

  @Test
  void build_withZeroAndNegativeAmounts_isRefused() {
    InvalidTemplateException e = catchThrowableOfType(() -> CouponTemplate.builder().id("t").name("t")
        .benefit(new Benefit.Threshold(Money.fen(0), Money.fen(-5))).validity(new Validity.HoursAfterIssue(0))
        .build(), InvalidTemplateException.class);
    assertThat(e.problems()).containsExactlyInAnyOrder("threshold must be positive, but was 0.00 CNY",
        "amount must be positive, but was -0.05 CNY", "validity hours must be positive, but was 0");
  }

  @Test
  void build_percentageOutsideZeroToHundred_isRefused() {
    for (int bp : new int[] {0, 10_000, 12_000, -1}) {
      InvalidTemplateException e = catchThrowableOfType(() -> CouponTemplate.builder().id("p").name("p")
          .benefit(new Benefit.Percentage(Percent.ofBasisPoints(bp), Optional.empty(), Optional.empty()))
          .validity(new Validity.DaysAfterIssue(1)).build(), InvalidTemplateException.class);
      assertThat(e.problems()).singleElement().asString().startsWith("pay rate must be between 0% and 100%");
    }
  }

  @Test
  void build_defaults_areWholeOrderAfterDiscountsOwnShopGroup() {
    CouponTemplate t = CouponTemplate.builder().id("t").name("t").benefit(Benefit.noThreshold(5_00))
        .validity(new Validity.DaysAfterIssue(1)).build();
    assertThat(t.scope()).isEqualTo(Scope.wholeOrder());
    assertThat(t.thresholdBase()).isEqualTo(ThresholdBase.AFTER_DISCOUNTS);
    assertThat(t.stacking()).isEqualTo(Stacking.shop("t"));
  }
}
