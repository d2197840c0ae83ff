package io.github.scrm.core.internal;

import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentityGuardrails;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/** Counting identifiers against the per-type, per-scope limits of {@link IdentityGuardrails}. */
final class Limits {

  private Limits() {}

  /** How many of {@code ids} have the type and scope of {@code like}. */
  static int countLike(Collection<Identifier> ids, Identifier like) {
    int n = 0;
    for (Identifier id : ids) {
      if (id.type() == like.type() && id.scope().equals(like.scope())) {
        n++;
      }
    }
    return n;
  }

  /** The first identifier of {@code ids} whose type and scope exceed their limit, or null when all fit. */
  static @Nullable Identifier firstOverLimit(Collection<Identifier> ids, IdentityGuardrails guardrails) {
    for (Identifier id : ids) {
      int max = guardrails.maxPerCustomer(id.type());
      // most types are unlimited: counting their like would only ever find the limit kept
      if (max != Integer.MAX_VALUE && countLike(ids, id) > max) {
        return id;
      }
    }
    return null;
  }
}
