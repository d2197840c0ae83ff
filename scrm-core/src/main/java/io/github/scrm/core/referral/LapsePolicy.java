package io.github.scrm.core.referral;

/** What happens to a flagged reward nobody reviewed before its deadline. */
public enum LapsePolicy {
  /** Pay it (for low-risk flags such as velocity in a busy store). */
  APPROVE,
  /** Do not pay it (the default). */
  DENY
}
