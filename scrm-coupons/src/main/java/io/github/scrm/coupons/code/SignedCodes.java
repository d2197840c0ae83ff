package io.github.scrm.coupons.code;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Coupon codes a point-of-sale terminal can verify offline: {@code PREFIX-} + 13 characters of random serial + 13
 * characters of HMAC-SHA256 (first 64 bits) over the prefix and serial with the host's key + a check character. A
 * terminal holding the key accepts a well-signed code without a network; double use is detected when it syncs (see
 * {@code Redemption.syncOffline}).
 *
 * <p>Thread-safe. The key never appears in {@code toString()}.
 */
public final class SignedCodes implements CodeSource {
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final RandomGenerator random;
  private final String prefix;
  private final ThreadLocal<Mac> mac;

  private SignedCodes(byte[] key, RandomGenerator random, String prefix) {
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    this.random = random;
    this.prefix = prefix;
    this.mac = ThreadLocal.withInitial(this::newMac);
  }

  /** Signed codes with {@code key} (at least 32 bytes), serials from {@code random}, and a 1 to 8 char prefix. */
  public static SignedCodes of(byte[] key, RandomGenerator random, String prefix) {
    Objects.requireNonNull(random, "random");
    if (key.length < 32) {
      throw new IllegalArgumentException("signing key must have at least 32 bytes, but had " + key.length);
    }
    if (!prefix.matches("[A-Z0-9]{1,8}")) {
      throw new IllegalArgumentException("signed code prefix must be 1 to 8 characters from [A-Z0-9], but was '"
          + prefix + "'");
    }
    return new SignedCodes(key, random, prefix);
  }

  /** A new signed code. */
  @Override
  public CouponCode next() {
    long serial;
    synchronized (random) {
      serial = random.nextLong();
    }
    StringBuilder sb = new StringBuilder(prefix.length() + 2 * CodeAlphabet.BODY_LENGTH + 2);
    sb.append(prefix).append('-');
    CodeAlphabet.appendBody(sb, serial);
    CodeAlphabet.appendBody(sb, sign(serial));
    sb.append(CodeAlphabet.checkCharacter(sb));
    return new CouponCode(sb.toString());
  }

  /** The serial of a code this key signed, or empty for a typo, a forgery or another prefix. Offline. */
  public Optional<Long> verify(String text) {
    int start = prefix.length() + 1;
    if (text.length() != start + 2 * CodeAlphabet.BODY_LENGTH + 1 || !text.startsWith(prefix + "-")
        || !CodeAlphabet.checkCharacterMatches(text)) {
      return Optional.empty();
    }
    for (int i = start; i < text.length() - 1; i++) {
      if (CodeAlphabet.value(text.charAt(i)) < 0) {
        return Optional.empty();
      }
    }
    long serial = CodeAlphabet.decodeBody(text, start);
    StringBuilder expected = new StringBuilder();
    CodeAlphabet.appendBody(expected, sign(serial));
    String actual = text.substring(start + CodeAlphabet.BODY_LENGTH, start + 2 * CodeAlphabet.BODY_LENGTH);
    boolean same = java.security.MessageDigest.isEqual(
        expected.toString().getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
    StringBuilder serialText = new StringBuilder();
    CodeAlphabet.appendBody(serialText, serial);
    boolean canonical = serialText.toString().equals(text.substring(start, start + CodeAlphabet.BODY_LENGTH));
    return same && canonical ? Optional.of(serial) : Optional.empty();
  }

  private long sign(long serial) {
    Mac m = mac.get();
    m.update(prefix.getBytes(StandardCharsets.US_ASCII));
    byte[] out = m.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(serial).array());
    return ByteBuffer.wrap(out).getLong();
  }

  private Mac newMac() {
    try {
      Mac m = Mac.getInstance(ALGORITHM);
      m.init(key);
      return m;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 must be available on every Java 17 runtime", e);
    }
  }

  @Override
  public String toString() {
    return "SignedCodes[prefix=" + prefix + ", key=****]";
  }
}
