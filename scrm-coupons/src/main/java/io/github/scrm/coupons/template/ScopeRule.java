package io.github.scrm.coupons.template;

import java.util.Objects;
import java.util.Set;

/**
 * One include or exclude rule of a {@link Scope}. The kind is kept as text so that a template coming from an
 * operator's screen can be validated with every problem listed; {@link CouponTemplate} refuses unknown kinds.
 *
 * @param kind a {@link ScopeKind} name, case-insensitive
 * @param values the matching values (category codes, brand codes, SKUs, store ids, channel names)
 * @param excluded whether matching lines or orders are excluded rather than included
 */
public record ScopeRule(String kind, Set<String> values, boolean excluded) {

  /** Copies the values. */
  public ScopeRule {
    Objects.requireNonNull(kind, "kind");
    values = Set.copyOf(values);
  }

  /** Includes lines or orders matching {@code values}. */
  public static ScopeRule include(ScopeKind kind, String... values) {
    return new ScopeRule(kind.name(), Set.of(values), false);
  }

  /** Excludes lines or orders matching {@code values}. */
  public static ScopeRule exclude(ScopeKind kind, String... values) {
    return new ScopeRule(kind.name(), Set.of(values), true);
  }

  /** The parsed kind; call only on rules of a validated template. */
  ScopeKind parsedKind() {
    switch (kind) {
      case "CATEGORY":
        return ScopeKind.CATEGORY;
      case "BRAND":
        return ScopeKind.BRAND;
      case "SKU":
        return ScopeKind.SKU;
      case "STORE":
        return ScopeKind.STORE;
      case "CHANNEL":
        return ScopeKind.CHANNEL;
      default:
        return ScopeKind.parse(kind)
            .orElseThrow(() -> new IllegalStateException("unknown scope kind '" + kind + "'"));
    }
  }
}
