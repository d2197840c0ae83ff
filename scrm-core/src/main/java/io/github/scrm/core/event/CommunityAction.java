package io.github.scrm.core.event;

/** What a customer did in a community group chat. */
public enum CommunityAction {
  /** Joined the group. */
  JOINED,
  /** Left the group. */
  LEFT,
  /** Posted a message. */
  MESSAGE
}
