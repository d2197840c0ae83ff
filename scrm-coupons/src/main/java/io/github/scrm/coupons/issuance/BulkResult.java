package io.github.scrm.coupons.issuance;

import java.util.Map;

/**
 * What a bulk issue to an audience did.
 *
 * @param attempted members tried in this call
 * @param issued coupons issued by this call
 * @param repeated members who already had a coupon from this batch (reruns issue nothing twice)
 * @param refused members refused, by reason
 * @param remaining audience members not yet tried (after a canary stage)
 */
public record BulkResult(
    long attempted, long issued, long repeated, Map<IssueRefusal, Long> refused, long remaining) {

  /** Copies the map. */
  public BulkResult {
    refused = Map.copyOf(refused);
  }
}
