package io.github.scrm.coupons.redemption;

import java.math.BigInteger;

/**
 * Splits an amount over weights by the largest-remainder method: each part is {@code floor(amount × w / Σw)}, and the
 * fen left over go one each to the parts with the largest remainders, ties to the lower index. The parts sum exactly
 * to the amount, and when {@code amount <= Σw} no part exceeds its weight (a line never goes below zero).
 */
final class LargestRemainder {
  private LargestRemainder() {}

  /** Writes the parts of {@code amount} into {@code out} (same length as {@code weights}); weights are ≥ 0. */
  static void split(long amount, long[] weights, boolean[] include, long[] out) {
    int n = weights.length;
    long total = 0;
    for (int i = 0; i < n; i++) {
      out[i] = 0;
      if (include[i]) {
        total += weights[i];
      }
    }
    if (amount == 0 || total == 0) {
      return;
    }
    if (amount == total) {
      for (int i = 0; i < n; i++) {
        out[i] = include[i] ? weights[i] : 0;
      }
      return;
    }
    long[] remainders = new long[n];
    long assigned = 0;
    for (int i = 0; i < n; i++) {
      if (!include[i] || weights[i] == 0) {
        remainders[i] = -1;
        continue;
      }
      long w = weights[i];
      long q;
      long r;
      if (w <= Long.MAX_VALUE / amount) {
        long p = amount * w;
        q = p / total;
        r = p % total;
      } else {
        BigInteger[] qr = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(w))
            .divideAndRemainder(BigInteger.valueOf(total));
        q = qr[0].longValueExact();
        r = qr[1].longValueExact();
      }
      out[i] = q;
      remainders[i] = r;
      assigned += q;
    }
    long left = amount - assigned;
    // left < number of positive weights; pick the largest remainders, lowest index first on ties
    while (left > 0) {
      int best = -1;
      for (int i = 0; i < n; i++) {
        if (remainders[i] > 0 && (best < 0 || remainders[i] > remainders[best])) {
          best = i;
        }
      }
      out[best]++;
      remainders[best] = -1;
      left--;
    }
  }
}
