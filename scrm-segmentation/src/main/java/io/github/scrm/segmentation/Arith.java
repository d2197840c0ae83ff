package io.github.scrm.segmentation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Arithmetic shared by the compiled plan and the reference interpreter, so both round the same way: money times or
 * divided by a number is computed exactly and rounded half-even to the minor unit; division by zero and overflow give
 * an absent value. Numbers are held as doubles; in money arithmetic a number counts as its shortest decimal form
 * ({@link Double#toString}), so {@code 2.3} is 2.3 and not the binary fraction nearest to it.
 */
final class Arith {

  /** Whole numbers up to this size are exact as doubles and take the integer path. */
  private static final double EXACT_WHOLE = 0x1p53;

  private Arith() {}

  static double divide(double a, double b) {
    return b == 0 ? Double.NaN : a / b;
  }

  static double ratio(long a, long b) {
    return a == Frame.ABSENT || b == Frame.ABSENT || b == 0 ? Double.NaN : (double) a / (double) b;
  }

  static long add(long a, long b) {
    if (a == Frame.ABSENT || b == Frame.ABSENT) {
      return Frame.ABSENT;
    }
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 || r == Frame.ABSENT ? Frame.ABSENT : r;
  }

  static long subtract(long a, long b) {
    if (a == Frame.ABSENT || b == Frame.ABSENT) {
      return Frame.ABSENT;
    }
    long r = a - b;
    return ((a ^ b) & (a ^ r)) < 0 || r == Frame.ABSENT ? Frame.ABSENT : r;
  }

  static long scale(long minor, double factor) {
    if (minor == Frame.ABSENT || !Double.isFinite(factor)) {
      return Frame.ABSENT;
    }
    if (factor == Math.rint(factor) && Math.abs(factor) < EXACT_WHOLE) {
      long product;
      try {
        product = Math.multiplyExact(minor, (long) factor);
      } catch (ArithmeticException overflow) {
        return Frame.ABSENT;
      }
      return product;
    }
    return toMinor(BigDecimal.valueOf(minor).multiply(BigDecimal.valueOf(factor)).setScale(0, RoundingMode.HALF_EVEN));
  }

  static long divide(long minor, double divisor) {
    if (minor == Frame.ABSENT || !Double.isFinite(divisor) || divisor == 0) {
      return Frame.ABSENT;
    }
    if (divisor == Math.rint(divisor) && Math.abs(divisor) < EXACT_WHOLE) {
      return divideHalfEven(minor, (long) divisor);
    }
    return toMinor(BigDecimal.valueOf(minor).divide(BigDecimal.valueOf(divisor), 0, RoundingMode.HALF_EVEN));
  }

  /** {@code a / b} rounded half-even; {@code b} is not zero and {@code |b| < 2^53}. */
  private static long divideHalfEven(long a, long b) {
    long q = a / b;
    long r = a % b;
    if (r == 0) {
      return q;
    }
    long twice = Math.abs(r) * 2;
    long magnitude = Math.abs(b);
    if (twice > magnitude || (twice == magnitude && (q & 1) != 0)) {
      q += (a < 0) == (b < 0) ? 1 : -1;
    }
    return q;
  }

  private static long toMinor(BigDecimal whole) {
    if (whole.unscaledValue().bitLength() > 63) { // scale is 0
      return Frame.ABSENT;
    }
    long v = whole.longValue();
    return v == Frame.ABSENT ? Frame.ABSENT : v;
  }
}
