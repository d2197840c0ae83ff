package io.github.scrm.core.referral;

import io.github.scrm.core.customer.CustomerId;
import java.time.Instant;
import java.util.Objects;

/**
 * The one referrer of a referee in a programme, fixed when the referee registers.
 *
 * @param programme the programme id
 * @param referee the new customer
 * @param referrer who brought them
 * @param explicit whether the winning touch carried the referrer's code (rather than an ambient share)
 * @param touchedAt when the winning touch happened
 * @param attributedAt when the referee registered
 */
public record Attribution(
    String programme, CustomerId referee, CustomerId referrer, boolean explicit, Instant touchedAt,
    Instant attributedAt) {

  /** Validates the parts. */
  public Attribution {
    Objects.requireNonNull(programme, "programme");
    Objects.requireNonNull(referee, "referee");
    Objects.requireNonNull(referrer, "referrer");
    Objects.requireNonNull(touchedAt, "touchedAt");
    Objects.requireNonNull(attributedAt, "attributedAt");
  }
}
