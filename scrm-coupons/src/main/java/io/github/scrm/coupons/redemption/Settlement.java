package io.github.scrm.coupons.redemption;

import io.github.scrm.coupons.spi.Reservation;
import java.util.Optional;

/**
 * What confirming or releasing a reservation did.
 *
 * @param status the outcome
 * @param reservation the reservation after the call, when it exists
 */
public record Settlement(Status status, Optional<Reservation> reservation) {

  /** The outcomes of confirm and release. */
  public enum Status {
    /** This call confirmed it: the coupons are redeemed. */
    CONFIRMED,
    /** This call released it: the coupons are available again. */
    RELEASED,
    /** It was confirmed before; nothing changed. */
    ALREADY_CONFIRMED,
    /** It was released before; nothing changed. */
    ALREADY_RELEASED,
    /** Its TTL passed before confirmation; its coupons are available again. */
    EXPIRED,
    /** No such reservation. */
    NOT_FOUND,
    /** A campaign is frozen, paused or revoked; it was not confirmed. */
    CAMPAIGN_NOT_ACTIVE
  }
}
