package io.github.scrm.core.event;

import io.github.scrm.core.consent.Consent;
import io.github.scrm.core.consent.ConsentStatus;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.identity.Identifier;
import java.time.Instant;
import java.util.List;

/**
 * The customer granted or withdrew consent to be contacted on one channel for one purpose. The latest by
 * {@link #occurredAt()} per (channel, purpose) is in force; all are kept as history.
 *
 * @param eventId the idempotency key
 * @param occurredAt when the customer gave or withdrew it
 * @param receivedAt when the host received the event
 * @param sourceChannel where it was captured ({@code store-pos}, {@code wechat-miniprogram}); the consent's source
 * @param identifiers the customer's identifiers
 * @param channel the channel
 * @param purpose the purpose
 * @param status granted or withdrawn
 */
public record ConsentChanged(
    String eventId, Instant occurredAt, Instant receivedAt, String sourceChannel, List<Identifier> identifiers,
    ContactChannel channel, ContactPurpose purpose, ConsentStatus status) implements CustomerEvent {

  /** Validates the fields. */
  public ConsentChanged {
    Check.common(eventId, occurredAt, receivedAt, sourceChannel);
    identifiers = Check.identifiers(identifiers);
    Check.required(channel, "channel");
    Check.required(purpose, "purpose");
    Check.required(status, "status");
  }

  /** The consent record this event states. */
  public Consent consent() {
    return new Consent(channel, purpose, status, occurredAt, sourceChannel);
  }
}
