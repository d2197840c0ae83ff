package io.github.scrm.segmentation;

/**
 * Arithmetic shared by the compiled plan and the reference interpreter, so both round the same way: money times or
 * divided by a number rounds half-even to the minor unit; division by zero and overflow give an absent value.
 */
final class Arith {

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
    if (minor == Frame.ABSENT || factor != factor) {
      return Frame.ABSENT;
    }
    return round((double) minor * factor);
  }

  static long divide(long minor, double divisor) {
    if (minor == Frame.ABSENT || divisor != divisor || divisor == 0) {
      return Frame.ABSENT;
    }
    return round((double) minor / divisor);
  }

  private static long round(double v) {
    if (Double.isNaN(v) || Math.abs(v) >= 9.0e18) {
      return Frame.ABSENT;
    }
    return (long) Math.rint(v);
  }
}
