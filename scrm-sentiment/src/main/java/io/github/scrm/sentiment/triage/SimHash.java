package io.github.scrm.sentiment.triage;

import io.github.scrm.sentiment.internal.TextNormalizer;
import java.util.List;

/**
 * 64-bit SimHash over character bigrams of the normalised text, with the comment's category trigger words as heavier
 * features, so that "送得太慢了" and "太慢了，一个小时才到" land close.
 */
final class SimHash {

  static final int TRIGGER_WEIGHT = 4;
  private static final ThreadLocal<int[]> BUFFER = ThreadLocal.withInitial(() -> new int[TextNormalizer.MAX_CHARS + 8]);

  private SimHash() {}

  static long of(String text, List<String> triggers) {
    int[] cps = BUFFER.get();
    int n = TextNormalizer.normalize(text, cps);
    int[] counts = new int[64];
    int prev = -1;
    int features = 0;
    for (int i = 0; i < n; i++) {
      int cp = cps[i];
      if (cp == ' ' || TextNormalizer.isClauseBreak(cp)) {
        prev = -1;
        continue;
      }
      if (prev >= 0) {
        add(counts, mix(((long) prev << 21) | cp), 1);
        features++;
      }
      prev = cp;
    }
    for (String t : triggers) {
      add(counts, mix(t.hashCode() * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L), TRIGGER_WEIGHT);
      features++;
    }
    if (features == 0 && n > 0) {
      add(counts, mix(cps[0]), 1);
    }
    long hash = 0;
    for (int b = 0; b < 64; b++) {
      if (counts[b] > 0) {
        hash |= 1L << b;
      }
    }
    return hash;
  }

  static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  private static void add(int[] counts, long h, int w) {
    for (int b = 0; b < 64; b++) {
      counts[b] += (((h >>> b) & 1L) == 1L) ? w : -w;
    }
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
