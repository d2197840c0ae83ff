package io.github.scrm.core.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in integer minor units (fen for CNY) with its currency. Never a floating-point number.
 *
 * <p>Arithmetic is exact and throws {@link ArithmeticException} on {@code long} overflow; combining two currencies is
 * an {@link IllegalArgumentException}. Every operation that can lose a fraction of a minor unit takes an explicit
 * {@link RoundingMode}.
 *
 * @param minorUnits the amount in minor units, may be negative (a refund, a correction)
 * @param currency the ISO 4217 currency
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

  /** Renminbi, the default currency of the library. */
  public static final Currency CNY = Currency.getInstance("CNY");

  /** Validates the currency. */
  public Money {
    Objects.requireNonNull(currency, "currency");
  }

  /** An amount in minor units of {@code currency}. */
  public static Money of(long minorUnits, Currency currency) {
    return new Money(minorUnits, currency);
  }

  /** An amount in fen: {@code Money.fen(300_00)} is ¥300.00. */
  public static Money fen(long fen) {
    return new Money(fen, CNY);
  }

  /** Zero in {@code currency}. */
  public static Money zero(Currency currency) {
    return new Money(0, currency);
  }

  /**
   * Parses a decimal major-unit amount such as {@code "300.00"} exactly; more fraction digits than the currency has is
   * an error, never a silent rounding.
   */
  public static Money parse(String major, Currency currency) {
    BigDecimal value;
    try {
      value = new BigDecimal(major.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("amount must be a decimal number, but was '" + major + "'", e);
    }
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    if (value.stripTrailingZeros().scale() > digits) {
      throw new IllegalArgumentException(
          "amount must have at most " + digits + " fraction digits for " + currency + ", but was '" + major + "'");
    }
    return new Money(value.movePointRight(digits).longValueExact(), currency);
  }

  /** The amount in major units, exact (for display and JSON). */
  public BigDecimal toMajor() {
    return BigDecimal.valueOf(minorUnits, Math.max(currency.getDefaultFractionDigits(), 0));
  }

  /** This plus {@code other}; same currency required. */
  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
  }

  /** This minus {@code other}; same currency required. */
  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
  }

  /** This times an integer factor (a quantity). */
  public Money times(long factor) {
    return new Money(Math.multiplyExact(minorUnits, factor), currency);
  }

  /** The negated amount. */
  public Money negate() {
    return new Money(Math.negateExact(minorUnits), currency);
  }

  /** {@code percent} of this amount, rounded to a whole minor unit by {@code rounding}. */
  public Money times(Percent percent, RoundingMode rounding) {
    BigDecimal exact = BigDecimal.valueOf(minorUnits)
        .multiply(BigDecimal.valueOf(percent.basisPoints()))
        .divide(BigDecimal.valueOf(Percent.BASIS_POINTS_PER_WHOLE), 0, rounding);
    return new Money(exact.longValueExact(), currency);
  }

  /** The smaller of this and {@code other}. */
  public Money min(Money other) {
    return compareTo(other) <= 0 ? this : other;
  }

  /** The larger of this and {@code other}. */
  public Money max(Money other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /** Whether the amount is zero. */
  public boolean isZero() {
    return minorUnits == 0;
  }

  /** Whether the amount is below zero. */
  public boolean isNegative() {
    return minorUnits < 0;
  }

  /** Whether the amount is above zero. */
  public boolean isPositive() {
    return minorUnits > 0;
  }

  /** Orders amounts of the same currency; comparing two currencies is an error. */
  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return Long.compare(minorUnits, other.minorUnits);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "amounts must have the same currency, but were " + currency + " and " + other.currency);
    }
  }

  /** For example {@code "300.00 CNY"}. */
  @Override
  public String toString() {
    return toMajor().toPlainString() + " " + currency.getCurrencyCode();
  }
}
