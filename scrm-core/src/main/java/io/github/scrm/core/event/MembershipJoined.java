package io.github.scrm.core.event;

import io.github.scrm.core.identity.Identifier;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The customer became a member (followed the official account, registered in the mini-program, signed up in store).
 * Membership needs no purchase. The earliest join sets {@code profile.memberSince} and the registration channel
 * ({@link #sourceChannel()}).
 *
 * @param eventId the idempotency key
 * @param occurredAt when the customer joined
 * @param receivedAt when the host received the event
 * @param sourceChannel the registration channel
 * @param identifiers the customer's identifiers
 * @param level the member level at joining, or {@code null} for the host's entry level
 */
public record MembershipJoined(
    String eventId, Instant occurredAt, Instant receivedAt, String sourceChannel, List<Identifier> identifiers,
    @Nullable String level) implements CustomerEvent {

  /** Validates the fields. */
  public MembershipJoined {
    Check.common(eventId, occurredAt, receivedAt, sourceChannel);
    identifiers = Check.identifiers(identifiers);
    Check.optionalText(level, "level");
  }
}
