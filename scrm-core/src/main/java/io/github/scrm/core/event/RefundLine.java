package io.github.scrm.core.event;

/**
 * One refunded line of a partial refund.
 *
 * @param sku the refunded SKU
 * @param quantity units refunded, at least 1
 */
public record RefundLine(String sku, int quantity) {

  /** Validates the fields. */
  public RefundLine {
    Check.text(sku, "sku");
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity: must be at least 1, but was " + quantity);
    }
  }
}
