package io.github.scrm.coupons.internal;

import java.util.concurrent.atomic.AtomicLong;

/** Conditional counter updates: the in-memory twin of {@code UPDATE ... SET n = n + ? WHERE n + ? <= limit}. */
final class Counters {
  private Counters() {}

  /** Adds {@code delta} if the result stays at or below {@code limit}; returns whether it applied. */
  static boolean tryAdd(AtomicLong counter, long delta, long limit) {
    while (true) {
      long v = counter.get();
      if (v > limit - delta) {
        return false;
      }
      if (counter.compareAndSet(v, v + delta)) {
        return true;
      }
    }
  }
}
