package io.github.scrm.coupons.spi;

import io.github.scrm.coupons.code.CouponCode;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One refund applied to a reservation.
 *
 * @param idempotencyKey the refund call's key; a repeat returns this record
 * @param lineQuantities line id to the quantity refunded by this call
 * @param returnedByCoupon coupon code to the discount returned with the refunded lines
 * @param clawbackByCoupon coupon code to discount taken back because the kept lines fell below its threshold
 * @param restoredCodes codes a full refund made usable again
 * @param at when
 */
public record RefundRecord(
    String idempotencyKey,
    Map<String, Long> lineQuantities,
    Map<String, Long> returnedByCoupon,
    Map<String, Long> clawbackByCoupon,
    java.util.List<String> restoredCodes,
    Instant at) {

  /** Copies the maps. */
  public RefundRecord {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(at, "at");
    lineQuantities = Map.copyOf(lineQuantities);
    returnedByCoupon = Map.copyOf(returnedByCoupon);
    clawbackByCoupon = Map.copyOf(clawbackByCoupon);
    restoredCodes = java.util.List.copyOf(restoredCodes);
  }

  /** Coupon codes are bearer secrets: the maps and the restored codes print with masked codes. */
  @Override
  public String toString() {
    return "RefundRecord[idempotencyKey=" + idempotencyKey + ", lineQuantities=" + lineQuantities
        + ", returnedByCoupon=" + masked(returnedByCoupon) + ", clawbackByCoupon=" + masked(clawbackByCoupon)
        + ", restoredCodes=" + restoredCodes.stream().map(CouponCode::mask).toList() + ", at=" + at + "]";
  }

  private static Map<String, Long> masked(Map<String, Long> byCode) {
    Map<String, Long> out = new java.util.TreeMap<>();
    byCode.forEach((code, fen) -> out.put(CouponCode.mask(code), fen));
    return out;
  }

  /** Σ of {@link #returnedByCoupon}. */
  public long returnedFen() {
    return returnedByCoupon.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Σ of {@link #clawbackByCoupon}. */
  public long clawbackFen() {
    return clawbackByCoupon.values().stream().mapToLong(Long::longValue).sum();
  }
}
