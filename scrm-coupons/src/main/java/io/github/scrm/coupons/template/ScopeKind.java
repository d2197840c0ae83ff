package io.github.scrm.coupons.template;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a {@link ScopeRule} matches. Line kinds ({@link #CATEGORY}, {@link #BRAND}, {@link #SKU}) decide which order
 * lines count towards a coupon; order kinds ({@link #STORE}, {@link #CHANNEL}) decide whether the order qualifies at
 * all.
 */
public enum ScopeKind {
  /** The line's category. */
  CATEGORY(true),
  /** The line's brand. */
  BRAND(true),
  /** The line's SKU. */
  SKU(true),
  /** The store the order is placed in. */
  STORE(false),
  /** The sales channel of the order (mini program, POS, live stream, ...). */
  CHANNEL(false);

  private final boolean lineLevel;

  ScopeKind(boolean lineLevel) {
    this.lineLevel = lineLevel;
  }

  /** Whether this kind selects order lines rather than whole orders. */
  public boolean lineLevel() {
    return lineLevel;
  }

  /** The kind named {@code text} (case-insensitive), or empty for an unknown kind. */
  public static Optional<ScopeKind> parse(String text) {
    String upper = text.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.name().equals(upper)).findFirst();
  }
}
