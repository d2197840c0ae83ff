package io.github.scrm.segmentation.tier;

/** A/B/C customer grades. */
public enum AbcGrade {
  /** The customers making the top share of revenue. */
  A,
  /** The next share. */
  B,
  /** Everyone else, including customers without revenue. */
  C
}
