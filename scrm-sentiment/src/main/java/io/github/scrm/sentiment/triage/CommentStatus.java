package io.github.scrm.sentiment.triage;

/** Where a comment stands in the queue. */
public enum CommentStatus {
  /** Waiting for a reply; only open comments are ranked. */
  OPEN,
  /** The brand replied; a follow-up by the same author in the thread reopens it. */
  REPLIED,
  /** Handled and closed; a follow-up by the same author in the thread reopens it. */
  RESOLVED
}
