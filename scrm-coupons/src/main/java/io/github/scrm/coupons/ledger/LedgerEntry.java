package io.github.scrm.coupons.ledger;

import io.github.scrm.coupons.CouponMaxLengths;
import io.github.scrm.coupons.campaign.CampaignId;
import java.time.Instant;
import java.util.Objects;

/**
 * One append-only ledger entry. Every state change of a campaign or coupon writes exactly one entry per coupon, in
 * the same unit of work as the change.
 *
 * @param campaign the campaign
 * @param code the coupon code, empty for campaign-level entries
 * @param event what happened
 * @param idempotencyKey the key of the call that caused it, at most {@link CouponMaxLengths#COMPOSED_KEY} characters
 * @param actor who caused it
 * @param at when, from the injected clock
 * @param amountFen the amount involved: face value on issue, discount on reserve/redeem/refund, zero otherwise
 * @param reference the order id, reservation id, batch, approver, sharer or reason the entry refers to; empty when
 *     none; at most {@link CouponMaxLengths#REFERENCE} characters
 */
public record LedgerEntry(
    CampaignId campaign,
    String code,
    LedgerEvent event,
    String idempotencyKey,
    Actor actor,
    Instant at,
    long amountFen,
    String reference) {

  /** Null checks. */
  public LedgerEntry {
    Objects.requireNonNull(campaign, "campaign");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reference, "reference");
    CouponMaxLengths.check("idempotencyKey", idempotencyKey, CouponMaxLengths.COMPOSED_KEY);
    if (reference.length() > CouponMaxLengths.REFERENCE) {
      throw new IllegalArgumentException("reference: must have at most " + CouponMaxLengths.REFERENCE
          + " characters, but had " + reference.length());
    }
  }

  /** A copy for another campaign, coupon, event and amount, keeping key, actor, instant and reference. */
  public LedgerEntry derive(CampaignId otherCampaign, String otherCode, LedgerEvent otherEvent, long amount) {
    return new LedgerEntry(otherCampaign, otherCode, otherEvent, idempotencyKey, actor, at, amount, reference);
  }

  /** Coupon codes are bearer secrets: only the masked form is printed, also where the key holds the code. */
  @Override
  public String toString() {
    String masked = code.isEmpty() ? "" : code.substring(0, Math.min(6, code.length())) + "****";
    // a key may hold the code too: a caller's key, or one stored before the engine keyed by the code's fingerprint
    String key = code.isEmpty() ? idempotencyKey : idempotencyKey.replace(code, masked);
    return "LedgerEntry[" + campaign + " " + event + " " + masked + " key=" + key + " by " + actor.kind()
        + ":" + actor.id() + " at " + at + " amount=" + amountFen + " ref=" + reference + "]";
  }
}
