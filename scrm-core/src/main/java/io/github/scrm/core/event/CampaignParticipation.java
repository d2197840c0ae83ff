package io.github.scrm.core.event;

import io.github.scrm.core.identity.Identifier;
import java.time.Instant;
import java.util.List;

/**
 * Participation in a campaign: check-in, vote, lottery, product-test survey.
 *
 * @param eventId the idempotency key
 * @param occurredAt when it happened
 * @param receivedAt when the host received the event
 * @param sourceChannel the connector that reported it
 * @param identifiers the participant's identifiers
 * @param campaignId the campaign
 * @param action how the customer took part
 */
public record CampaignParticipation(
    String eventId, Instant occurredAt, Instant receivedAt, String sourceChannel, List<Identifier> identifiers,
    String campaignId, CampaignAction action) implements CustomerEvent {

  /** Validates the fields. */
  public CampaignParticipation {
    Check.common(eventId, occurredAt, receivedAt, sourceChannel);
    identifiers = Check.identifiers(identifiers);
    Check.text(campaignId, "campaignId");
    Check.required(action, "action");
  }
}
