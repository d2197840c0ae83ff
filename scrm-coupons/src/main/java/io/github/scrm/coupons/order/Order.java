package io.github.scrm.coupons.order;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.coupons.CouponMaxLengths;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An order as the coupon engine sees it. Construction refuses bad values with an {@link InvalidOrderException} that
 * lists every problem (negative quantities or prices, mixed currencies, duplicate line ids, the reserved line id
 * {@value #SHIPPING_LINE_ID}, other discounts larger than the line), so a bad order never reaches the store.
 *
 * @param orderId the host's order id, 1 to {@link CouponMaxLengths#ORDER_ID} non-blank characters
 * @param customer the buyer
 * @param store the store id (for store scopes)
 * @param channel the sales channel (for channel scopes)
 * @param currency the order currency; every amount must use it
 * @param lines the lines, at least one
 * @param shipping the shipping fee (free-shipping coupons discount it)
 */
public record Order(
    String orderId,
    CustomerId customer,
    String store,
    String channel,
    Currency currency,
    List<OrderLine> lines,
    Money shipping) {

  /**
   * The line id reserved for shipping: a free-shipping coupon's discount is allocated under it, so no order line may
   * use it (a refund would take that line's share for shipping).
   */
  public static final String SHIPPING_LINE_ID = "#shipping";

  /** Upper bound on a line amount (10^12 fen), far above any real order, so that arithmetic cannot overflow. */
  public static final long MAX_LINE_FEN = 1_000_000_000_000L;

  /** Validates every value and lists all problems. */
  public Order {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(shipping, "shipping");
    lines = List.copyOf(lines);
    List<String> p = new ArrayList<>();
    if (orderId.isBlank()) {
      p.add("order id must not be blank");
    } else if (orderId.length() > CouponMaxLengths.ORDER_ID) {
      p.add("order id must have at most " + CouponMaxLengths.ORDER_ID + " characters, but had " + orderId.length());
    }
    if (lines.isEmpty()) {
      p.add("an order must have at least one line, but had none");
    }
    Set<String> ids = new HashSet<>();
    for (OrderLine l : lines) {
      String at = "line '" + l.lineId() + "': ";
      if (!ids.add(l.lineId())) {
        p.add(at + "line ids must be unique, but this one repeats");
      }
      if (l.lineId().equals(SHIPPING_LINE_ID)) {
        p.add(at + "lineId must not be '" + SHIPPING_LINE_ID + "', which is reserved for shipping, but was '"
            + l.lineId() + "'");
      }
      if (!l.unitPrice().currency().equals(currency) || !l.otherDiscount().currency().equals(currency)) {
        p.add(at + "amounts must be in " + currency + ", but were " + l.unitPrice() + " and " + l.otherDiscount());
        continue;
      }
      if (l.quantity() <= 0) {
        p.add(at + "quantity must be positive, but was " + l.quantity());
      }
      if (l.unitPrice().isNegative()) {
        p.add(at + "unit price must not be negative, but was " + l.unitPrice());
      }
      if (l.otherDiscount().isNegative()) {
        p.add(at + "other discount must not be negative, but was " + l.otherDiscount());
      }
      if (l.quantity() > 0 && l.unitPrice().minorUnits() > 0
          && l.unitPrice().minorUnits() > MAX_LINE_FEN / l.quantity()) {
        p.add(at + "line amount must be at most " + MAX_LINE_FEN + " fen, but was " + l.unitPrice() + " × "
            + l.quantity());
      } else if (l.quantity() > 0 && !l.unitPrice().isNegative() && l.otherDiscount().minorUnits() > l.grossFen()) {
        p.add(at + "other discount must not exceed the line amount " + l.grossFen() + " fen, but was "
            + l.otherDiscount());
      }
    }
    if (!shipping.currency().equals(currency)) {
      p.add("shipping must be in " + currency + ", but was " + shipping);
    } else if (shipping.isNegative()) {
      p.add("shipping must not be negative, but was " + shipping);
    }
    if (!p.isEmpty()) {
      throw new InvalidOrderException(orderId, p);
    }
  }

  /** An order in CNY without shipping. */
  public static Order of(String orderId, CustomerId customer, String store, String channel, List<OrderLine> lines) {
    return new Order(orderId, customer, store, channel, Money.CNY, lines, Money.fen(0));
  }

  /** The same order with a shipping fee. */
  public Order withShipping(Money fee) {
    return new Order(orderId, customer, store, channel, currency, lines, fee);
  }

  /** The goods amount after other discounts, in minor units. */
  public long netFen() {
    long sum = 0;
    for (OrderLine l : lines) {
      sum += l.netFen();
    }
    return sum;
  }
}
