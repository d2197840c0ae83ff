package io.github.scrm.coupons.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.money.Money;
import io.github.scrm.core.money.Percent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class BenefitTest {

  @Test
  void threshold_reached_givesTheAmount() {
    Benefit b = Benefit.threshold(300_00, 50_00);
    assertThat(b.discount(300_00, 300_00, 0)).isEqualTo(50_00);
    assertThat(b.discount(299_99, 299_99, 0)).isZero();
    assertThat(b.minimumSpend()).isEqualTo(300_00);
    assertThat(b.worstCase()).hasValue(50_00);
  }

  @Test
  void threshold_discountBaseBelowAmount_givesOnlyTheBase() {
    assertThat(Benefit.threshold(300_00, 50_00).discount(300_00, 40_00, 0)).isEqualTo(40_00);
  }

  @Test
  void repeating_everyFullStep_givesTheAmountUpToTheCap() {
    Benefit b = new Benefit.Repeating(Money.fen(100_00), Money.fen(10_00), Optional.of(Money.fen(50_00)));
    assertThat(b.discount(99_99, 99_99, 0)).isZero();
    assertThat(b.discount(250_00, 250_00, 0)).isEqualTo(20_00);
    assertThat(b.discount(1_000_00, 1_000_00, 0)).isEqualTo(50_00);
    assertThat(b.worstCase()).hasValue(50_00);
  }

  @Test
  void repeating_withoutCap_isUnbounded() {
    Benefit b = new Benefit.Repeating(Money.fen(100_00), Money.fen(10_00), Optional.empty());
    assertThat(b.discount(1_000_00, 1_000_00, 0)).isEqualTo(100_00);
    assertThat(b.worstCase()).isEmpty();
  }

  @Test
  void tiered_highestReachedTierApplies() {
    Benefit b = new Benefit.Tiered(List.of(Benefit.Tier.of(300_00, 30_00), Benefit.Tier.of(500_00, 60_00),
        Benefit.Tier.of(1_000_00, 150_00)));
    assertThat(b.discount(299_99, 299_99, 0)).isZero();
    assertThat(b.discount(300_00, 300_00, 0)).isEqualTo(30_00);
    assertThat(b.discount(999_99, 999_99, 0)).isEqualTo(60_00);
    assertThat(b.discount(1_000_00, 1_000_00, 0)).isEqualTo(150_00);
    assertThat(b.worstCase()).hasValue(150_00);
  }

  @Test
  void percentage_85zhe_roundsTheDiscountDownToAFen() {
    Benefit b = new Benefit.Percentage(Percent.of(85), Optional.empty(), Optional.empty());
    // 15% of 99.99 is 14.9985: the discount is 14.99 and the customer pays 85.00
    assertThat(b.discount(99_99, 99_99, 0)).isEqualTo(14_99);
    assertThat(b.discount(1, 1, 0)).isZero();
    assertThat(b.worstCase()).isEmpty();
  }

  @Test
  void percentage_withThresholdAndMaximum_isCapped() {
    Benefit b = new Benefit.Percentage(Percent.of(80), Optional.of(Money.fen(100_00)),
        Optional.of(Money.fen(30_00)));
    assertThat(b.discount(99_99, 99_99, 0)).isZero();
    assertThat(b.discount(100_00, 100_00, 0)).isEqualTo(20_00);
    assertThat(b.discount(500_00, 500_00, 0)).isEqualTo(30_00);
  }

  @Test
  void noThreshold_givesTheAmountButNeverMoreThanTheBase() {
    Benefit b = Benefit.noThreshold(10_00);
    assertThat(b.discount(0, 25_00, 0)).isEqualTo(10_00);
    assertThat(b.discount(0, 8_00, 0)).isEqualTo(8_00);
    assertThat(b.noThreshold()).isTrue();
  }

  @Test
  void freeShipping_discountsTheShippingFeeUpToItsMaximum() {
    Benefit b = new Benefit.FreeShipping(Optional.of(Money.fen(99_00)), Optional.of(Money.fen(10_00)));
    assertThat(b.discount(98_00, 98_00, 12_00)).isZero();
    assertThat(b.discount(99_00, 99_00, 12_00)).isEqualTo(10_00);
    assertThat(b.discount(99_00, 99_00, 6_00)).isEqualTo(6_00);
    assertThat(b.shipping()).isTrue();
  }
}
