package io.github.scrm.core.referral.influence;

/**
 * What an edge from an influencer to another customer stands for, with its default weight in the PageRank-style
 * score. Every edge also counts as one downstream conversion of its source.
 */
public enum EdgeKind {
  /** A qualified referral: the source referred the target. */
  REFERRAL(1.0f),
  /** The target followed the brand after the source's share. */
  SHARE_FOLLOW(0.5f),
  /** The target bought after the source's share (carry the order's GMV on the edge). */
  SHARE_PURCHASE(1.0f),
  /** The target engaged with (liked, commented, forwarded) content the source shared. */
  SHARE_ENGAGEMENT(0.2f);

  private final float weight;

  EdgeKind(float weight) {
    this.weight = weight;
  }

  /** The default weight. */
  public float weight() {
    return weight;
  }
}
