package io.github.scrm.coupons.order;

import io.github.scrm.core.money.Money;
import java.util.Objects;

/**
 * One line of an order. The line amount is {@code unitPrice × quantity}; {@code otherDiscount} is what the shop's
 * other promotions already took off this line (zero when none). Values are checked by {@link Order}, which lists
 * every problem at once.
 *
 * @param lineId unique within the order, not {@value Order#SHIPPING_LINE_ID}
 * @param sku the SKU
 * @param category the category code
 * @param brand the brand code
 * @param unitPrice the list price of one unit
 * @param quantity the number of units
 * @param otherDiscount discounts other than coupons on this line
 */
public record OrderLine(
    String lineId, String sku, String category, String brand, Money unitPrice, long quantity, Money otherDiscount) {

  /** Null checks; value checks are in {@link Order}. */
  public OrderLine {
    Objects.requireNonNull(lineId, "lineId");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(brand, "brand");
    Objects.requireNonNull(unitPrice, "unitPrice");
    Objects.requireNonNull(otherDiscount, "otherDiscount");
  }

  /** A line without other discounts. */
  public static OrderLine of(String lineId, String sku, String category, String brand, Money unitPrice, long qty) {
    return new OrderLine(lineId, sku, category, brand, unitPrice, qty, Money.zero(unitPrice.currency()));
  }

  /** The list amount, {@code unitPrice × quantity}. */
  public long grossFen() {
    return Math.multiplyExact(unitPrice.minorUnits(), quantity);
  }

  /** The amount after other discounts. */
  public long netFen() {
    return grossFen() - otherDiscount.minorUnits();
  }
}
