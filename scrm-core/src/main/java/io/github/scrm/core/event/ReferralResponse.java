package io.github.scrm.core.event;

/** How an invitee responded to an invite. */
public enum ReferralResponse {
  /** Scanned the code or opened the link. */
  SCANNED,
  /** Accepted: registered or followed through the invite. */
  ACCEPTED
}
