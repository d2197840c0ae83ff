package io.github.scrm.core.referral;

import io.github.scrm.core.money.Money;
import java.util.Objects;

/** What a referee must do for the referrer to earn a reward. */
public sealed interface Trigger {

  /** The referee registers (becomes a member). */
  static Trigger registration() {
    return new Registration();
  }

  /** The referee's first purchase pays at least {@code minimum}; a smaller first purchase never qualifies. */
  static Trigger firstPurchase(Money minimum) {
    return new FirstPurchase(minimum);
  }

  /** Every purchase of the referee within {@code days} days of registering qualifies once. */
  static Trigger everyPurchaseWithin(int days) {
    return new EveryPurchaseWithin(days);
  }

  /** See {@link #registration()}. */
  record Registration() implements Trigger {}

  /** See {@link #firstPurchase(Money)}. @param minimum the smallest paid amount that qualifies */
  record FirstPurchase(Money minimum) implements Trigger {
    /** Validates the parts; the sign is checked when the programme is defined. */
    public FirstPurchase {
      Objects.requireNonNull(minimum, "minimum");
    }
  }

  /** See {@link #everyPurchaseWithin(int)}. @param days days after registration during which purchases qualify */
  record EveryPurchaseWithin(int days) implements Trigger {}
}
