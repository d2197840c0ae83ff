package io.github.scrm.coupons.redemption;

import java.util.List;

/**
 * The answer to "can these coupons be used on this order": one verdict per code in the order given, and the quote of
 * the usable ones together.
 *
 * @param verdicts one per code
 * @param quote the usable coupons priced together in application order
 */
public record Validation(List<Verdict> verdicts, Quote quote) {

  /** Copies the verdicts. */
  public Validation {
    verdicts = List.copyOf(verdicts);
  }

  /** Whether every code is usable together. */
  public boolean allUsable() {
    return verdicts.stream().allMatch(v -> v instanceof Verdict.Usable);
  }
}
