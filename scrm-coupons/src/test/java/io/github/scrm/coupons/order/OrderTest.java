package io.github.scrm.coupons.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.coupons.CouponMaxLengths;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

final class OrderTest {

  @Test
  void order_withNegativeQuantityPriceAndMixedCurrency_listsEveryProblem() {
    InvalidOrderException e = catchThrowableOfType(() -> Order.of("o1", CustomerId.of("alice"), "s", "c", List.of(
        OrderLine.of("a", "sku", "cat", "brand", Money.fen(10_00), -1),
        OrderLine.of("b", "sku", "cat", "brand", Money.fen(-5), 1),
        OrderLine.of("c", "sku", "cat", "brand", Money.of(100, Currency.getInstance("USD")), 1))),
        InvalidOrderException.class);
    assertThat(e.problems()).containsExactly(
        "line 'a': quantity must be positive, but was -1",
        "line 'b': unit price must not be negative, but was -0.05 CNY",
        "line 'c': amounts must be in CNY, but were 1.00 USD and 0.00 USD");
  }

  @Test
  void order_lineWithTheShippingLineId_isRefused_namingTheFieldAndValue() {
    InvalidOrderException e = catchThrowableOfType(() -> Order.of("o1", CustomerId.of("alice"), "s", "c", List.of(
        OrderLine.of("a", "sku", "cat", "brand", Money.fen(10_00), 1),
        OrderLine.of("#shipping", "sku", "cat", "brand", Money.fen(5_00), 1))), InvalidOrderException.class);
    assertThat(e.problems()).containsExactly(
        "line '#shipping': lineId must not be '#shipping', which is reserved for shipping, but was '#shipping'");
  }

  @Test
  void netAmount_subtractsOtherDiscounts() {
    Order o = Order.of("o1", CustomerId.of("alice"), "s", "c", List.of(
        new OrderLine("a", "sku", "cat", "brand", Money.fen(100_00), 2, Money.fen(30_00))));
    assertThat(o.netFen()).isEqualTo(170_00);
  }

  @Test
  void order_idAtItsLimit_isAccepted_andOneOver_isRefusedWithBothLengths() {
    List<OrderLine> lines = List.of(OrderLine.of("a", "sku", "cat", "brand", Money.fen(10_00), 1));
    assertThat(Order.of("o".repeat(CouponMaxLengths.ORDER_ID), CustomerId.of("alice"), "s", "c", lines).orderId())
        .hasSize(256);

    InvalidOrderException e = catchThrowableOfType(() -> Order.of("o".repeat(257), CustomerId.of("alice"), "s", "c",
        lines), InvalidOrderException.class);

    assertThat(e.problems()).containsExactly("order id must have at most 256 characters, but had 257");
  }
}
