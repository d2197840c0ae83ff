package io.github.scrm.core.referral;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A prospect met a referrer: they scanned a referral code or poster QR code (explicit), or arrived through content a
 * customer shared without a code (ambient). The prospect is known only by the identifiers the channel gave (openid,
 * unionid, device id).
 *
 * @param code the scanned code, for an explicit touch
 * @param programme the programme, for an ambient touch (an explicit touch takes it from the code)
 * @param ambientReferrer the sharer, for an ambient touch
 * @param visitor the prospect's identifiers; at least one
 * @param at when it happened
 */
public record Touch(
    Optional<ReferralCode> code, Optional<String> programme, Optional<CustomerId> ambientReferrer,
    Set<Identifier> visitor, Instant at) {

  /** Validates the parts and copies the set. */
  public Touch {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(programme, "programme");
    Objects.requireNonNull(ambientReferrer, "ambientReferrer");
    Objects.requireNonNull(at, "at");
    visitor = Set.copyOf(visitor);
    if (code.isPresent() == ambientReferrer.isPresent()) {
      throw new IllegalArgumentException("a touch has either a code (explicit) or an ambient referrer, but had "
          + (code.isPresent() ? "both" : "neither"));
    }
  }

  /** A prospect scanned {@code code}. */
  public static Touch scan(ReferralCode code, Set<Identifier> visitor, Instant at) {
    return new Touch(Optional.of(code), Optional.empty(), Optional.empty(), visitor, at);
  }

  /** A prospect arrived through content {@code sharer} shared in {@code programme}, without a code. */
  public static Touch ambient(String programme, CustomerId sharer, Set<Identifier> visitor, Instant at) {
    return new Touch(Optional.empty(), Optional.of(programme), Optional.of(sharer), visitor, at);
  }

  /** Whether the touch carried a code. */
  public boolean explicit() {
    return code.isPresent();
  }
}
