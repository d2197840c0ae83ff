package io.github.scrm.core.spi;

import io.github.scrm.core.money.Money;
import java.util.Objects;

/**
 * What a customer is worth to the brand, as other modules weigh it (a complaint from a high-value customer is
 * answered first).
 *
 * @param spendTotal paid total net of refunds
 * @param orders orders placed
 * @param memberLevel the member level, empty when none
 */
public record CustomerValue(Money spendTotal, long orders, String memberLevel) {

  /** Validates the parts. */
  public CustomerValue {
    Objects.requireNonNull(spendTotal, "spendTotal");
    Objects.requireNonNull(memberLevel, "memberLevel");
    if (orders < 0) {
      throw new IllegalArgumentException("orders must not be negative, but was " + orders);
    }
  }
}
