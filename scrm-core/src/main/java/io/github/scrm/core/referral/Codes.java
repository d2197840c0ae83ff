package io.github.scrm.core.referral;

import io.github.scrm.core.ScrmException;
import io.github.scrm.core.customer.CustomerId;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Hands out stable, unguessable codes through the store's unique keys. */
final class Codes {
  private static final int ATTEMPTS = 8;

  private Codes() {}

  static CodeAssignment assign(Context ctx, String programme, CustomerId owner) {
    Optional<CodeAssignment> existing = ctx.store().codeOf(programme, owner);
    if (existing.isPresent()) {
      return existing.get();
    }
    RandomGenerator random = ctx.ids().random();
    for (int i = 0; i < ATTEMPTS; i++) {
      CodeAssignment fresh = new CodeAssignment(ReferralCode.random(random), programme, owner, ctx.time().now());
      if (ctx.store().assignCode(fresh)) {
        return fresh;
      }
      existing = ctx.store().codeOf(programme, owner);
      if (existing.isPresent()) {
        return existing.get(); // another thread handed out the owner's code meanwhile
      }
    }
    throw new ScrmException("could not find a free referral code in " + ATTEMPTS
        + " attempts: the IdSource's random generator repeats itself");
  }
}
