package io.github.scrm.segmentation;

/** Where a tag on a profile comes from. */
public enum TagSource {
  /** A rule of a rule set matched. */
  RULE,
  /** A staff member set it by hand. */
  MANUAL,
  /** It came from an import (a host system, a file). */
  IMPORTED
}
