package io.github.scrm.core.identity;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The guardrails of identity resolution: how many identifiers of one type (and scope) a customer may have, and the
 * junk values that never identify anyone. A binding or merge that would break a limit is refused and recorded as a
 * conflict for review. Immutable.
 *
 * <p>The defaults: one phone, one member number, one ERP customer id, one WeChat unionid and one Douyin union_id per
 * open platform, five emails, other types unlimited; blocklisted {@code 13800000000}, {@code null},
 * {@code undefined}, {@code none}, {@code unknown}, {@code 0}, {@code -1} and every value made only of zeros and dashes
 * (all-zero device ids such as {@code 00000000-0000-0000-0000-000000000000}). Empty values are refused by
 * {@link Identifier} itself.
 */
public final class IdentityGuardrails {

  private static final IdentityGuardrails DEFAULTS = builder()
      .maxPerCustomer(IdentifierType.PHONE, 1)
      .maxPerCustomer(IdentifierType.MEMBER_NUMBER, 1)
      .maxPerCustomer(IdentifierType.ERP_CUSTOMER_ID, 1)
      .maxPerCustomer(IdentifierType.WECHAT_UNIONID, 1)
      .maxPerCustomer(IdentifierType.DOUYIN_UNIONID, 1)
      .maxPerCustomer(IdentifierType.EMAIL, 5)
      .block("13800000000", "null", "undefined", "none", "unknown", "0", "-1")
      .build();

  private final ImmutableMap<IdentifierType, Integer> limits;
  /** {@link #limits} by the type's ordinal, {@link Integer#MAX_VALUE} where unlimited: read for every merge. */
  private final int[] maxByOrdinal;
  private final ImmutableSet<String> blocked;
  private final int longestBlocked;
  /** Which ASCII characters (bit {@code c} of the pair) a blocklisted value starts with. */
  private final long blockedStartsLow;
  private final long blockedStartsHigh;

  private IdentityGuardrails(Map<IdentifierType, Integer> limits, Set<String> blocked) {
    this.limits = ImmutableMap.copyOf(limits);
    this.maxByOrdinal = new int[IdentifierType.values().length];
    Arrays.fill(maxByOrdinal, Integer.MAX_VALUE);
    this.limits.forEach((type, max) -> maxByOrdinal[type.ordinal()] = max);
    this.blocked = ImmutableSet.copyOf(blocked);
    this.longestBlocked = blocked.stream().mapToInt(String::length).max().orElse(0);
    long low = 0;
    long high = 0;
    for (String value : this.blocked) {
      if (value.isEmpty()) {
        continue; // an empty value is junk anyway
      }
      char first = value.charAt(0);
      low |= first < 64 ? 1L << first : 0;
      high |= first >= 64 && first < 128 ? 1L << (first - 64) : 0;
    }
    this.blockedStartsLow = low;
    this.blockedStartsHigh = high;
  }

  /** The defaults described in the class comment. */
  public static IdentityGuardrails defaults() {
    return DEFAULTS;
  }

  /** An empty builder: no limits, no blocklist beyond all-zero values. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these guardrails. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.limits.putAll(limits);
    b.blocked.addAll(blocked);
    return b;
  }

  /** The most identifiers of {@code type} in one scope a customer may have; {@link Integer#MAX_VALUE} if unlimited. */
  public int maxPerCustomer(IdentifierType type) {
    return maxByOrdinal[type.ordinal()];
  }

  /** The blocklisted clear values (lower-case, trimmed). */
  public ImmutableSet<String> blockedValues() {
    return blocked;
  }

  /**
   * Whether a clear value is junk: blocklisted (case-insensitive, trimmed), or made only of zeros and dashes. For
   * personal types pass the clear value before hashing; phones are compared in their normalised national form.
   */
  public boolean isJunk(String clearValue) {
    // called for every identifier of every event: no allocation unless the value needs lower-casing
    int start = 0;
    int end = clearValue.length();
    while (start < end && clearValue.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && clearValue.charAt(end - 1) <= ' ') {
      end--;
    }
    if (start == end) {
      return true;
    }
    boolean zeros = true;
    boolean anyZero = false;
    boolean ascii = true;
    boolean lowerCase = true;
    for (int i = start; i < end; i++) {
      char c = clearValue.charAt(i);
      zeros &= c == '0' || c == '-';
      anyZero |= c == '0';
      ascii &= c < 128;
      lowerCase &= c < 'A' || c > 'Z';
    }
    if (zeros && anyZero) {
      return true;
    }
    if (ascii && (end - start > longestBlocked || !mayStartBlocked(clearValue.charAt(start)))) {
      return false; // lower-casing ASCII keeps the length and the first letter's place: it cannot be on the list
    }
    String trimmed = clearValue.substring(start, end);
    return blocked.contains(ascii && lowerCase ? trimmed : trimmed.toLowerCase(Locale.ROOT));
  }

  private boolean mayStartBlocked(char asciiFirst) {
    char first = asciiFirst >= 'A' && asciiFirst <= 'Z' ? (char) (asciiFirst + ('a' - 'A')) : asciiFirst;
    return first < 64 ? (blockedStartsLow & 1L << first) != 0 : (blockedStartsHigh & 1L << (first - 64)) != 0;
  }

  @Override
  public String toString() {
    return "IdentityGuardrails[limits=" + limits + ", blocked=" + blocked.size() + " values]";
  }

  /** Builds {@link IdentityGuardrails}. */
  public static final class Builder {
    private final Map<IdentifierType, Integer> limits = new EnumMap<>(IdentifierType.class);
    private final Set<String> blocked = new LinkedHashSet<>();

    private Builder() {}

    /** At most {@code max} identifiers of {@code type} per scope per customer; at least 1. */
    public Builder maxPerCustomer(IdentifierType type, int max) {
      Objects.requireNonNull(type, "type");
      if (max < 1) {
        throw new IllegalArgumentException("maxPerCustomer for " + type + " must be at least 1, but was " + max);
      }
      limits.put(type, max);
      return this;
    }

    /** Removes the limit of {@code type}. */
    public Builder unlimited(IdentifierType type) {
      limits.remove(type);
      return this;
    }

    /** Adds junk values that never identify a customer. */
    public Builder block(String... values) {
      for (String v : values) {
        blocked.add(v.trim().toLowerCase(Locale.ROOT));
      }
      return this;
    }

    /** The guardrails. */
    public IdentityGuardrails build() {
      return new IdentityGuardrails(limits, blocked);
    }
  }
}
