package io.github.scrm.coupons.guardrail;

import io.github.scrm.core.money.Money;
import io.github.scrm.core.money.Percent;
import java.util.List;
import java.util.Optional;

/**
 * What a campaign or bulk issue would commit to, computed before anything is issued.
 *
 * @param count coupons that would be issued (stock, or the audience size for a bulk issue, whichever is smaller)
 * @param faceValue the worst-case discount of one coupon, empty when unbounded (a coupon without a cap)
 * @param worstCaseLiability face value × count (capped by the campaign's liability budget), empty when any coupon
 *     has no cap, whatever the campaign's liability budget (which cannot bound such a coupon)
 * @param noThresholdShare the share of the worst-case value that needs no minimum spend
 * @param historicalRedemptionRate redeemed ÷ issued over earlier campaigns of the same kind, when history exists
 * @param estimatedCost worst-case liability × historical rate, when both exist
 * @param violations the guardrails broken
 */
public record DryRun(
    long count,
    Optional<Money> faceValue,
    Optional<Money> worstCaseLiability,
    Percent noThresholdShare,
    Optional<Percent> historicalRedemptionRate,
    Optional<Money> estimatedCost,
    List<Violation> violations) {

  /** Copies the violations. */
  public DryRun {
    violations = List.copyOf(violations);
  }

  /** Whether the liability is unbounded. */
  public boolean unbounded() {
    return worstCaseLiability.isEmpty();
  }

  /** Whether it may go ahead without approval. */
  public boolean allowed() {
    return violations.isEmpty();
  }

  /** Whether it is refused outright (not even approval helps). */
  public boolean refused() {
    return violations.stream().anyMatch(v -> v.severity() == Violation.Severity.REFUSED);
  }
}
