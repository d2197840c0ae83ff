package io.github.scrm.core.referral;

/** Which touch wins when a referee was touched by several referrers (explicit codes always beat ambient touches). */
public enum AttributionModel {
  /** The earliest valid touch wins (the default). */
  FIRST_TOUCH,
  /** The latest valid touch wins. */
  LAST_TOUCH
}
