package io.github.scrm.coupons.order;

import java.util.List;

/** An order with bad values (negative quantities or prices, mixed currencies, ...), listing every problem. */
public final class InvalidOrderException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  InvalidOrderException(String orderId, List<String> problems) {
    super("order '" + orderId + "' is invalid: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, one sentence each. */
  public List<String> problems() {
    return problems;
  }
}
