package io.github.scrm.coupons.code;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Generates {@link CouponCode}s: an optional prefix and '-', 13 characters carrying 64 random bits from the injected
 * generator (use a {@link java.security.SecureRandom} in production), and a check character. Codes are unguessable,
 * not unique by construction: the store refuses a duplicate and the issuer draws again, so no two coupons share a
 * code.
 *
 * <p>Thread-safe. Random bits are drawn in blocks of 128 codes' worth per thread, with one {@code nextBytes} call
 * under a lock on the generator: a {@code SecureRandom} does its mixing and locking once per call, so one call for a
 * block costs less than a call per code and holds the lock, which concurrent claims share, for a short time.
 */
public final class CodeGenerator implements CodeSource {
  private static final int BLOCK = 128;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final RandomGenerator random;
  private final String prefix;
  private final ThreadLocal<byte[]> block = new ThreadLocal<>();
  private final ThreadLocal<int[]> position = ThreadLocal.withInitial(() -> new int[] {BLOCK});

  private CodeGenerator(RandomGenerator random, String prefix) {
    this.random = Objects.requireNonNull(random, "random");
    this.prefix = prefix;
  }

  /**
   * A generator over {@code random}; {@code prefix} is empty or 1 to 8 characters from {@code [A-Z0-9]}.
   */
  public static CodeGenerator of(RandomGenerator random, String prefix) {
    if (!prefix.isEmpty() && !prefix.matches("[A-Z0-9]{1,8}")) {
      throw new IllegalArgumentException("code prefix must be empty or 1 to 8 characters from [A-Z0-9], but was '"
          + prefix + "'");
    }
    return new CodeGenerator(random, prefix);
  }

  /** The prefix, possibly empty. */
  public String prefix() {
    return prefix;
  }

  /** A new code. */
  @Override
  public CouponCode next() {
    return withBits(nextBits());
  }

  /**
   * A code carrying {@code bits} instead of random ones, with this generator's prefix and a check character: for codes
   * derived from a secret (a post-order share token derived from the buyer's coupon code), which must be as hard to
   * guess as the secret.
   */
  public CouponCode withBits(long bits) {
    int head = prefix.isEmpty() ? 0 : prefix.length() + 1;
    char[] chars = new char[head + CodeAlphabet.BODY_LENGTH + 1];
    if (head > 0) {
      prefix.getChars(0, prefix.length(), chars, 0);
      chars[head - 1] = '-';
    }
    CodeAlphabet.writeBody(chars, head, bits);
    chars[chars.length - 1] = CodeAlphabet.checkCharacter(chars, chars.length - 1);
    return new CouponCode(new String(chars));
  }

  private long nextBits() {
    int[] pos = position.get();
    byte[] bytes = block.get();
    if (bytes == null || pos[0] == BLOCK) {
      bytes = bytes == null ? new byte[BLOCK * Long.BYTES] : bytes;
      synchronized (random) {
        random.nextBytes(bytes);
      }
      block.set(bytes);
      pos[0] = 0;
    }
    return (long) LONGS.get(bytes, Long.BYTES * pos[0]++);
  }
}
