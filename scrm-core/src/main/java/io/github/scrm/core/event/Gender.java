package io.github.scrm.core.event;

/** Gender as the customer stated it. */
public enum Gender {
  /** Female. */
  F,
  /** Male. */
  M,
  /** Unknown or not stated. */
  U
}
