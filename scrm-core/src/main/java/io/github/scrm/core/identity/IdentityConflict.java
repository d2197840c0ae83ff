package io.github.scrm.core.identity;

import io.github.scrm.core.customer.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A link the guardrails refused: binding {@link #identifier()} to {@link #customers()}, or merging them, would have
 * broken a limit. Nothing was merged or bound; the event was still applied to the customer its first known identifier
 * names. Conflicts wait for a person to review them.
 *
 * @param eventId the event that asked for the link
 * @param customers the customers involved
 * @param identifier the identifier that could not be bound or would have exceeded the limit
 * @param reason the rule and the actual counts
 * @param recordedAt when it was recorded
 */
public record IdentityConflict(
    String eventId, List<CustomerId> customers, Identifier identifier, String reason, Instant recordedAt) {

  /** Validates and copies. */
  public IdentityConflict {
    Objects.requireNonNull(eventId, "eventId");
    customers = List.copyOf(customers);
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(recordedAt, "recordedAt");
  }
}
