package io.github.scrm.coupons.template;

import io.github.scrm.coupons.order.Order;
import io.github.scrm.coupons.order.OrderLine;
import java.util.ArrayList;
import java.util.List;

/**
 * Which orders and lines a coupon applies to. With no rules a coupon covers the whole order. For each kind, if there
 * are include rules a value must match one of them; a value matching any exclude rule is out, whatever the includes
 * say (exclusions win).
 *
 * @param rules the include and exclude rules
 */
public record Scope(List<ScopeRule> rules) {

  /** Copies the rules. */
  public Scope {
    rules = List.copyOf(rules);
  }

  /** The whole order, every line. */
  public static Scope wholeOrder() {
    return new Scope(List.of());
  }

  /** A scope made of {@code rules}. */
  public static Scope of(ScopeRule... rules) {
    return new Scope(List.of(rules));
  }

  /** Problems with the rules (unknown kinds, empty value sets), for template validation. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      ScopeRule rule = rules.get(i);
      if (ScopeKind.parse(rule.kind()).isEmpty()) {
        problems.add("scope rule " + i + ": kind must be one of CATEGORY, BRAND, SKU, STORE, CHANNEL, but was '"
            + rule.kind() + "'");
      }
      if (rule.values().isEmpty()) {
        problems.add("scope rule " + i + ": must list at least one value, but was empty");
      }
    }
    return problems;
  }

  /** Whether the order's store and channel are in scope. */
  public boolean covers(Order order) {
    return rules.isEmpty()
        || matches(ScopeKind.STORE, order.store()) && matches(ScopeKind.CHANNEL, order.channel());
  }

  /** Whether {@code line} counts towards the coupon. */
  public boolean covers(OrderLine line) {
    return rules.isEmpty() || matches(ScopeKind.SKU, line.sku())
        && matches(ScopeKind.CATEGORY, line.category())
        && matches(ScopeKind.BRAND, line.brand());
  }

  private boolean matches(ScopeKind kind, String value) {
    boolean anyInclude = false;
    boolean included = false;
    for (ScopeRule rule : rules) {
      if (rule.parsedKind() != kind) {
        continue;
      }
      boolean hit = rule.values().contains(value);
      if (rule.excluded()) {
        if (hit) {
          return false;
        }
      } else {
        anyInclude = true;
        included |= hit;
      }
    }
    return !anyInclude || included;
  }
}
