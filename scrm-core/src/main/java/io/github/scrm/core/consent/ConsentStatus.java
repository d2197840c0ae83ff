package io.github.scrm.core.consent;

/** Whether a consent is in force. */
public enum ConsentStatus {
  /** The customer agreed. */
  GRANTED,
  /** The customer withdrew an earlier agreement (an opt-out). */
  WITHDRAWN
}
