package io.github.scrm.coupons.spi;

/** What {@link CouponStore#confirm} or {@link CouponStore#release} did. */
public sealed interface SettleOutcome {

  /** The call changed the reservation to its new state. */
  record Settled(Reservation reservation) implements SettleOutcome {}

  /**
   * Nothing changed: the reservation is already in {@code reservation.state()} (a repeat, or too late: confirming an
   * expired reservation returns it {@code EXPIRED}).
   */
  record Unchanged(Reservation reservation) implements SettleOutcome {}

  /** Nothing changed: no reservation has that id. */
  record NotFound(String reservationId) implements SettleOutcome {}

  /** Nothing changed: a campaign of the reservation is frozen, paused or revoked, so it cannot be confirmed. */
  record CampaignNotActive(Reservation reservation) implements SettleOutcome {}
}
