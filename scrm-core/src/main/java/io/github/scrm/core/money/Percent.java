package io.github.scrm.core.money;

import java.math.BigDecimal;

/**
 * An exact percentage in basis points: {@code Percent.ofBasisPoints(8500)} is 85% (a 85折 coupon pays 85%).
 *
 * @param basisPoints hundredths of a percent, 10,000 is 100%; ranges are validated by the caller, which knows the rule
 */
public record Percent(int basisPoints) implements Comparable<Percent> {

  /** Basis points in one whole (100%). */
  public static final int BASIS_POINTS_PER_WHOLE = 10_000;

  /** 0%. */
  public static final Percent ZERO = new Percent(0);

  /** 100%. */
  public static final Percent HUNDRED = new Percent(BASIS_POINTS_PER_WHOLE);

  /** A percentage in basis points. */
  public static Percent ofBasisPoints(int basisPoints) {
    return new Percent(basisPoints);
  }

  /** A whole-number percentage: {@code Percent.of(85)} is 85%. */
  public static Percent of(int percent) {
    return new Percent(Math.multiplyExact(percent, 100));
  }

  /** Parses {@code "85"}, {@code "85%"} or {@code "12.5%"} exactly; more than two decimals is an error. */
  public static Percent parse(String text) {
    String t = text.trim();
    if (t.endsWith("%")) {
      t = t.substring(0, t.length() - 1).trim();
    }
    try {
      return new Percent(new BigDecimal(t).movePointRight(2).intValueExact());
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "percent must be a number with at most two decimals, but was '" + text + "'", e);
    }
  }

  /** This percentage as an exact fraction of one ({@code 0.85} for 85%). */
  public BigDecimal toFraction() {
    return BigDecimal.valueOf(basisPoints, 4);
  }

  /** 100% minus this. */
  public Percent complement() {
    return new Percent(BASIS_POINTS_PER_WHOLE - basisPoints);
  }

  @Override
  public int compareTo(Percent other) {
    return Integer.compare(basisPoints, other.basisPoints);
  }

  /** For example {@code "85%"} or {@code "12.5%"}. */
  @Override
  public String toString() {
    return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + "%";
  }
}
