package io.github.scrm.coupons.redemption;

import java.time.Instant;

/** What {@link Redemption#reserve} did. */
public sealed interface ReserveResult permits ReserveResult.Reserved, Refused {

  /** The coupons are held for the order until {@code expiresAt} (exclusive). A repeat returns the same. */
  record Reserved(String reservationId, Quote quote, Instant expiresAt) implements ReserveResult {}
}
