package io.github.scrm.sentiment.triage;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.sentiment.StarRating;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A comment under one of the brand's posts, as the queue takes it. Build with {@link #builder()}; submitting the same
 * id again updates its counters (likes, reposts ...) and reply state. The text and the author's handle are redacted in
 * {@code toString()}.
 */
@Value.Immutable
public abstract class Comment {

  /** A builder; {@code id}, {@code text} and {@code createdAt} are required. */
  public static ImmutableComment.Builder builder() {
    return ImmutableComment.builder();
  }

  /** The platform's comment id, unique within the queue. */
  public abstract String id();

  /** The comment text. */
  @Value.Redacted
  public abstract String text();

  /** The platform (weibo, douyin, xiaohongshu, meituan ...). */
  @Value.Default
  public String platform() {
    return "unknown";
  }

  /** The post or thread the comment belongs to; defaults to the comment id (a thread of its own). */
  @Value.Default
  public String threadId() {
    return id();
  }

  /** The author when known as a customer. */
  public abstract Optional<CustomerId> customerId();

  /** The author's platform handle, empty when unknown. */
  @Value.Redacted
  @Value.Default
  public String authorHandle() {
    return "";
  }

  /** The author's followers. */
  @Value.Default
  public long followers() {
    return 0;
  }

  /** Likes on the comment. */
  @Value.Default
  public long likes() {
    return 0;
  }

  /** Reposts or shares of the comment. */
  @Value.Default
  public long reposts() {
    return 0;
  }

  /** Replies by other users. */
  @Value.Default
  public long replies() {
    return 0;
  }

  /** When the comment was posted. */
  public abstract Instant createdAt();

  /** When the brand replied, if it did. */
  public abstract Optional<Instant> brandRepliedAt();

  /** The star rating given with the comment, if any. */
  public abstract Optional<StarRating> rating();

  /** Who wrote it, for repeated-ask detection: the customer id, else platform and handle, else empty. */
  @Value.Derived
  @Value.Auxiliary
  public String authorKey() {
    if (customerId().isPresent()) {
      return "customer:" + customerId().get().value();
    }
    return authorHandle().isEmpty() ? "" : platform() + ":" + authorHandle();
  }

  /** Engagement used for reach: followers + likes + 2 x reposts + replies. */
  @Value.Derived
  @Value.Auxiliary
  public long engagement() {
    return saturatedAdd(saturatedAdd(followers(), likes()), saturatedAdd(2 * Math.min(reposts(), Long.MAX_VALUE / 4),
        replies()));
  }

  @Value.Check
  void check() {
    if (id().isBlank()) {
      throw new IllegalArgumentException("comment id must not be blank");
    }
    if (followers() < 0 || likes() < 0 || reposts() < 0 || replies() < 0) {
      throw new IllegalArgumentException("followers, likes, reposts and replies must not be negative, but were "
          + followers() + ", " + likes() + ", " + reposts() + ", " + replies() + " for comment " + id());
    }
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }
}
