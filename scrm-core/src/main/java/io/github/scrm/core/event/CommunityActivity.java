package io.github.scrm.core.event;

import io.github.scrm.core.identity.Identifier;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Activity in a community group chat (a WeCom customer group, a WeChat group).
 *
 * @param eventId the idempotency key
 * @param occurredAt when it happened
 * @param receivedAt when the host received the event
 * @param sourceChannel the connector that reported it
 * @param identifiers the member's identifiers
 * @param groupId the group
 * @param action joined, left or message
 * @param text the message text, for messages
 */
public record CommunityActivity(
    String eventId, Instant occurredAt, Instant receivedAt, String sourceChannel, List<Identifier> identifiers,
    String groupId, CommunityAction action, @Nullable String text) implements CustomerEvent {

  /** Validates the fields. */
  public CommunityActivity {
    Check.common(eventId, occurredAt, receivedAt, sourceChannel);
    identifiers = Check.identifiers(identifiers);
    Check.text(groupId, "groupId");
    Check.required(action, "action");
  }
}
