package io.github.scrm.core.event;

/** What a customer did on a social platform. */
public enum InteractionKind {
  /** Followed the brand's account. */
  FOLLOW,
  /** Stopped following. */
  UNFOLLOW,
  /** Liked a post. */
  LIKE,
  /** Commented on a post. */
  COMMENT,
  /** Replied to a comment. */
  REPLY,
  /** Shared or forwarded a post. */
  SHARE,
  /** Mentioned the brand. */
  MENTION,
  /** Reviewed a product, optionally with a rating. */
  REVIEW
}
