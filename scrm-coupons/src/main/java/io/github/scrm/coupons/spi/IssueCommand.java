package io.github.scrm.coupons.spi;

import io.github.scrm.coupons.campaign.Coupon;
import io.github.scrm.coupons.ledger.LedgerEntry;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link CouponStore#issue} needs to issue one coupon atomically.
 *
 * @param idempotencyKey a repeat with the same key returns the first outcome and changes nothing
 * @param coupon the coupon to insert, in state {@code AVAILABLE}, version 0
 * @param faceValueFen the worst-case discount counted against the campaign's liability budget
 * @param quotas per-customer, per-day and per-share-token counters to increment
 * @param entry the ledger entry to append when the coupon is issued
 */
public record IssueCommand(
    String idempotencyKey, Coupon coupon, long faceValueFen, List<Quota> quotas, LedgerEntry entry) {

  /** Null checks. */
  public IssueCommand {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(coupon, "coupon");
    Objects.requireNonNull(entry, "entry");
    quotas = List.copyOf(quotas);
  }
}
