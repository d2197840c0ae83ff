package io.github.scrm.core.event;

import io.github.scrm.core.money.Money;

/**
 * One line of an order.
 *
 * @param sku the stock-keeping unit
 * @param brand the brand
 * @param category the product category
 * @param quantity units bought, at least 1
 * @param unitPrice list price of one unit, not negative
 * @param lineDiscount discount on the whole line, not negative and at most quantity times unit price
 */
public record PurchaseLine(
    String sku, String brand, String category, int quantity, Money unitPrice, Money lineDiscount) {

  /** Validates the fields. */
  public PurchaseLine {
    Check.text(sku, "sku");
    Check.text(brand, "brand");
    Check.text(category, "category");
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity: must be at least 1, but was " + quantity);
    }
    Check.nonNegative(unitPrice, "unitPrice");
    Check.nonNegative(lineDiscount, "lineDiscount");
    Check.sameCurrency(unitPrice, lineDiscount, "lineDiscount", "unitPrice");
    if (unitPrice.minorUnits() > Check.MAX_AMOUNT / quantity) {
      throw new IllegalArgumentException("unitPrice: quantity x unitPrice must be at most " + Check.MAX_AMOUNT
          + " minor units, but was " + quantity + " x " + unitPrice.minorUnits());
    }
    if (lineDiscount.compareTo(unitPrice.times(quantity)) > 0) {
      throw new IllegalArgumentException("lineDiscount: must not exceed quantity x unitPrice ("
          + unitPrice.times(quantity).minorUnits() + "), but was " + lineDiscount.minorUnits());
    }
  }

  /** Quantity times unit price minus the line discount. */
  public Money netAmount() {
    return unitPrice.times(quantity).minus(lineDiscount);
  }
}
