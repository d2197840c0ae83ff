package io.github.scrm.core.spi;

/** What a {@link RewardIssuer} did with a {@link RewardRequest}. */
public sealed interface RewardOutcome {

  /** The reward was issued; {@code reference} names what was given (a coupon code, a ledger id). */
  record Issued(String reference) implements RewardOutcome {}

  /** The issuer refused, for example because the coupon campaign ran out of stock; {@code reason} says why. */
  record Refused(String reason) implements RewardOutcome {}
}
