package io.github.scrm.core.event;

import io.github.scrm.core.identity.Identifier;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A social interaction: a follow, like, comment, reply, share, mention or review.
 *
 * @param eventId the idempotency key
 * @param occurredAt when it happened
 * @param receivedAt when the host received the event
 * @param sourceChannel the connector that reported it
 * @param identifiers the actor's identifiers
 * @param platform the platform
 * @param kind what the actor did
 * @param rating 1 to 5 stars, only on reviews
 * @param text the text of a comment, reply, mention or review
 * @param followerCount the actor's follower count on that platform at that time
 * @param postId the brand post the interaction concerns
 * @param topics topic tags the host assigned (interests)
 */
public record SocialInteraction(
    String eventId, Instant occurredAt, Instant receivedAt, String sourceChannel, List<Identifier> identifiers,
    SocialPlatform platform, InteractionKind kind, @Nullable Integer rating, @Nullable String text,
    @Nullable Long followerCount, @Nullable String postId, List<String> topics) implements CustomerEvent {

  /** Validates the fields. */
  public SocialInteraction {
    Check.common(eventId, occurredAt, receivedAt, sourceChannel);
    identifiers = Check.identifiers(identifiers);
    Check.required(platform, "platform");
    Check.required(kind, "kind");
    if (rating != null && kind != InteractionKind.REVIEW) {
      throw new IllegalArgumentException("rating: only a REVIEW has a rating, but kind was " + kind);
    }
    if (rating != null && (rating < 1 || rating > 5)) {
      throw new IllegalArgumentException("rating: must be between 1 and 5, but was " + rating);
    }
    if (text != null && text.length() > 10_000) {
      throw new IllegalArgumentException("text: must have at most 10000 characters, but had " + text.length());
    }
    if (followerCount != null && followerCount < 0) {
      throw new IllegalArgumentException("followerCount: must not be negative, but was " + followerCount);
    }
    Check.optionalText(postId, "postId");
    topics = Check.texts(topics, "topics");
  }
}
