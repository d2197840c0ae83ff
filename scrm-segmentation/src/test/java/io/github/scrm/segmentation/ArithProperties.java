package io.github.scrm.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * Money times or divided by a number, checked against an oracle computed here with BigDecimal (the reference
 * interpreter shares {@link Arith} with the compiled plan, so it cannot catch a rounding mistake in it).
 */
final class ArithProperties {

  /** The number as written in a rule: {@code units / 10^scale}, such as 2.3 or 0.56. */
  private static BigDecimal decimal(long units, int scale) {
    return BigDecimal.valueOf(units, scale);
  }

  private static long exactTimes(long minor, BigDecimal factor) {
    return BigDecimal.valueOf(minor).multiply(factor).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }

  private static long exactDivided(long minor, BigDecimal divisor) {
    return BigDecimal.valueOf(minor).divide(divisor, 0, RoundingMode.HALF_EVEN).longValueExact();
  }

  @Test
  void scale_roundsTheExactProductHalfEven() {
    assertThat(Arith.scale(25, 2.3)).isEqualTo(58);
    assertThat(Arith.scale(15, 0.5)).isEqualTo(8);
    assertThat(Arith.scale(25, 0.5)).isEqualTo(12);
    assertThat(Arith.scale(-25, 2.3)).isEqualTo(-58);
    qt().forAll(longs().between(-2_000_000_000L, 2_000_000_000L), longs().between(-1_000_000, 1_000_000),
        integers().between(0, 4)).checkAssert((minor, units, scale) -> {
          BigDecimal factor = decimal(units, scale);
          assertThat(Arith.scale(minor, factor.doubleValue())).as("%s * %s", minor, factor)
              .isEqualTo(exactTimes(minor, factor));
        });
  }

  @Test
  void divide_roundsTheExactQuotientHalfEven() {
    assertThat(Arith.divide(21, 0.56)).isEqualTo(38);
    assertThat(Arith.divide(5, 2.0)).isEqualTo(2);
    assertThat(Arith.divide(7, 2.0)).isEqualTo(4);
    assertThat(Arith.divide(-7, 2.0)).isEqualTo(-4);
    qt().forAll(longs().between(-2_000_000_000L, 2_000_000_000L), longs().between(1, 1_000_000),
        integers().between(0, 4)).checkAssert((minor, units, scale) -> {
          BigDecimal divisor = decimal(units, scale);
          assertThat(Arith.divide(minor, divisor.doubleValue())).as("%s / %s", minor, divisor)
              .isEqualTo(exactDivided(minor, divisor));
          assertThat(Arith.divide(minor, divisor.negate().doubleValue())).as("%s / -%s", minor, divisor)
              .isEqualTo(exactDivided(minor, divisor.negate()));
        });
  }

  @Test
  void everyAmountUnderTwentyYuan_timesOrDividedByATwoDigitFactor_isExact() {
    for (long minor = 0; minor < 2000; minor++) {
      for (int hundredths = 1; hundredths < 1000; hundredths += 7) {
        BigDecimal factor = decimal(hundredths, 2);
        assertThat(Arith.scale(minor, factor.doubleValue())).as("%s * %s", minor, factor)
            .isEqualTo(exactTimes(minor, factor));
        assertThat(Arith.divide(minor, factor.doubleValue())).as("%s / %s", minor, factor)
            .isEqualTo(exactDivided(minor, factor));
      }
    }
  }

  @Test
  void absentDivisionByZeroAndOverflow_areAbsent() {
    assertThat(Arith.scale(Frame.ABSENT, 2)).isEqualTo(Frame.ABSENT);
    assertThat(Arith.divide(100, 0.0)).isEqualTo(Frame.ABSENT);
    assertThat(Arith.divide(100, Double.NaN)).isEqualTo(Frame.ABSENT);
    assertThat(Arith.scale(Long.MAX_VALUE / 2, 3)).isEqualTo(Frame.ABSENT);
    assertThat(Arith.scale(100, Double.POSITIVE_INFINITY)).isEqualTo(Frame.ABSENT);
    assertThat(Arith.scale(100, 1e300)).isEqualTo(Frame.ABSENT);
  }
}
