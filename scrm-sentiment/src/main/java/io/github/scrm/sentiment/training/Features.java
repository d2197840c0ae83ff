package io.github.scrm.sentiment.training;

import io.github.scrm.sentiment.internal.LexiconEngine;
import io.github.scrm.sentiment.internal.TextNormalizer;
import org.jspecify.annotations.Nullable;

/**
 * Turns a comment into hashed features: character 1- to 3-grams of the normalised text (each n-gram worth
 * {@code 1/sqrt(count)}) and three dense lexicon features (negative sum, positive sum, their difference, squashed).
 */
final class Features {

  static final int LEXICON_FEATURES = 3;
  static final int MAX_ORDER = 3;

  private final int bits;
  private final LexiconEngine lexicon;
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

  Features(int bits, LexiconEngine lexicon) {
    this.bits = bits;
    this.lexicon = lexicon;
  }

  /** Per-thread buffers; {@link #extract} fills them. */
  static final class Scratch {
    final int[] cps = new int[TextNormalizer.MAX_CHARS + 8];
    int[] buckets = new int[256];
    int count;
    final double[] sums = new double[2];
    final double[] dense = new double[LEXICON_FEATURES];
    double value;
  }

  Scratch scratch() {
    return scratch.get();
  }

  /** Fills {@code s} with the features of {@code text}. */
  void extract(@Nullable String text, Scratch s) {
    s.count = 0;
    int n = text == null ? 0 : TextNormalizer.normalize(text, s.cps);
    int[] cps = s.cps;
    int shift = 64 - bits;
    for (int i = 0; i < n; i++) {
      int c = cps[i];
      if (c == ' ') {
        continue;
      }
      add(s, (int) (mix(c * 0x9E3779B97F4A7C15L + 1) >>> shift));
      if (i >= 1) {
        long h2 = ((long) cps[i - 1] << 21) | c;
        add(s, (int) (mix(h2 * 0xC2B2AE3D27D4EB4FL + 2) >>> shift));
        if (i >= 2) {
          long h3 = (((long) cps[i - 2] << 42) | ((long) cps[i - 1] << 21) | c);
          add(s, (int) (mix(h3 * 0x165667B19E3779F9L + 3) >>> shift));
        }
      }
    }
    s.value = s.count == 0 ? 0 : 1.0 / Math.sqrt(s.count);
    lexicon.sums(text, s.sums);
    s.dense[0] = Math.tanh(s.sums[0] / 3);
    s.dense[1] = Math.tanh(s.sums[1] / 3);
    s.dense[2] = Math.tanh((s.sums[0] - s.sums[1]) / 3);
  }

  private static void add(Scratch s, int bucket) {
    if (s.count == s.buckets.length) {
      s.buckets = java.util.Arrays.copyOf(s.buckets, s.count * 2);
    }
    s.buckets[s.count++] = bucket;
  }

  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
