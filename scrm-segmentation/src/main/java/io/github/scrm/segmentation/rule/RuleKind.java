package io.github.scrm.segmentation.rule;

/** What a rule produces. */
public enum RuleKind {
  /** A tag put on each matching profile and reported to the host as it comes and goes. */
  TAG,
  /** A segment: a named condition used to select audiences and in other rules through {@code inSegment}. */
  SEGMENT
}
