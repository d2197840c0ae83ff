package io.github.scrm.core.spi;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * The injected source of new ids and random bits. Domain code never calls {@code UUID.randomUUID()}: tests pass a
 * {@link #sequential} source and get repeatable ids. Implementations must be thread-safe.
 */
public interface IdSource {

  /**
   * A new id, unique for this source, safe to log. It becomes a customer id or a merge id, so it must be a valid
   * {@link io.github.scrm.core.customer.CustomerId}: 1 to {@link io.github.scrm.core.MaxLengths#CUSTOMER_ID} (64)
   * characters from {@code [A-Za-z0-9_.:-]}.
   */
  String nextId();

  /** The random generator behind unguessable codes (referral codes, coupon codes). */
  RandomGenerator random();

  /** 128-bit random hex ids from {@code random}, which should be a {@link SecureRandom} in production. */
  static IdSource secure(SecureRandom random) {
    return new IdSource() {
      @Override
      public String nextId() {
        byte[] bytes = new byte[16];
        synchronized (random) {
          random.nextBytes(bytes);
        }
        return HexFormat.of().formatHex(bytes);
      }

      @Override
      public RandomGenerator random() {
        return random;
      }
    };
  }

  /** The production default: {@link #secure} over a new {@link SecureRandom}. */
  static IdSource secure() {
    return secure(new SecureRandom());
  }

  /**
   * Repeatable ids {@code prefix-1}, {@code prefix-2}, ... and a seeded generator; for tests and examples only, since
   * its codes are guessable.
   */
  static IdSource sequential(String prefix, long seed) {
    AtomicLong next = new AtomicLong();
    java.util.SplittableRandom root = new java.util.SplittableRandom(seed);
    return new IdSource() {
      @Override
      public String nextId() {
        return prefix + "-" + next.incrementAndGet();
      }

      @Override
      public RandomGenerator random() {
        synchronized (root) {
          return root.split();
        }
      }
    };
  }
}
