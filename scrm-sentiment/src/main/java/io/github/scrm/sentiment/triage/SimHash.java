package io.github.scrm.sentiment.triage;

import io.github.scrm.sentiment.internal.TextNormalizer;
import java.util.List;

/**
 * 64-bit SimHash over character bigrams of the normalised text, with the comment's category trigger words as heavier
 * features, so that "送得太慢了" and "太慢了，一个小时才到" land close.
 */
final class SimHash {

  static final int TRIGGER_SHIFT = 2;
  static final int TRIGGER_WEIGHT = 1 << TRIGGER_SHIFT;
  private static final int PLANES = 12;
  private static final int MAX_FEATURES = (1 << PLANES) - 1;
  private static final ThreadLocal<int[]> BUFFER = ThreadLocal.withInitial(() -> new int[TextNormalizer.MAX_CHARS + 8]);

  private SimHash() {}

  static long of(String text, List<String> triggers) {
    int[] cps = BUFFER.get();
    int n = TextNormalizer.normalize(text, cps);
    // bit-sliced counters: planes[i] holds bit i of the 64 per-bit counts of features whose hash has that bit set
    long[] planes = new long[PLANES];
    int total = 0;
    int prev = -1;
    for (int i = 0; i < n; i++) {
      int cp = cps[i];
      if (cp == ' ' || TextNormalizer.isClauseBreak(cp)) {
        prev = -1;
        continue;
      }
      if (prev >= 0 && total < MAX_FEATURES) {
        add(planes, mix(((long) prev << 21) | cp), 0);
        total++;
      }
      prev = cp;
    }
    for (String t : triggers) {
      if (total + TRIGGER_WEIGHT > MAX_FEATURES) {
        break;
      }
      add(planes, mix(t.hashCode() * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L), TRIGGER_SHIFT);
      total += TRIGGER_WEIGHT;
    }
    if (total == 0) {
      return n == 0 ? 0 : mix(cps[0]);
    }
    long hash = 0;
    for (int b = 0; b < 64; b++) {
      int count = 0;
      for (int p = 0; p < PLANES; p++) {
        count |= (int) ((planes[p] >>> b) & 1L) << p;
      }
      // the classic SimHash sign test: (ones - zeros) > 0
      if (2 * count > total) {
        hash |= 1L << b;
      }
    }
    return hash;
  }

  /** Adds 2^shift to the counter of every bit set in {@code h}, ripple-carrying through the planes. */
  private static void add(long[] planes, long h, int shift) {
    long carry = h;
    for (int p = shift; p < PLANES && carry != 0; p++) {
      long t = planes[p] & carry;
      planes[p] ^= carry;
      carry = t;
    }
  }

  static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
