package io.github.scrm.core.referral.influence;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import java.math.BigDecimal;

/**
 * The inputs behind one customer's influence score, so that an operator can see why a customer ranks where they do.
 * Each component is normalised to 0..1 as {@code ln(1 + x) / ln(1 + max x)} over the whole graph (for PageRank, x is
 * the rank above the lowest rank in the graph, so that a customer who influenced nobody scores 0), and the score is
 * {@code 100 * sum(weight_i * normalised_i) / sum(weight_i)}.
 *
 * @param customer the customer
 * @param directReferrals qualified referrals the customer made (REFERRAL edges)
 * @param downstreamConversions conversions within k hops, each hop weighted by the decay
 * @param downstreamGmv GMV within k hops, each hop weighted by the decay (rounded down to a minor unit)
 * @param pageRank the PageRank-style score relative to the average customer (1.0 is average)
 * @param normalised the four components normalised to 0..1, in the order above
 * @param settings the settings used
 * @param score the influence score, 0 to 100 with two decimals
 */
public record InfluenceExplanation(
    CustomerId customer, long directReferrals, double downstreamConversions, Money downstreamGmv, double pageRank,
    double[] normalised, InfluenceSettings settings, BigDecimal score) {

  /** Copies the array. */
  public InfluenceExplanation {
    normalised = normalised.clone();
  }

  @Override
  public double[] normalised() {
    return normalised.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InfluenceExplanation e && customer.equals(e.customer) && score.equals(e.score)
        && directReferrals == e.directReferrals && Double.compare(downstreamConversions, e.downstreamConversions) == 0
        && downstreamGmv.equals(e.downstreamGmv) && Double.compare(pageRank, e.pageRank) == 0
        && java.util.Arrays.equals(normalised, e.normalised) && settings.equals(e.settings);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(customer, score, directReferrals, downstreamGmv);
  }

  @Override
  public String toString() {
    return "InfluenceExplanation[" + customer + ", score " + score + ", direct " + directReferrals
        + ", downstream " + downstreamConversions + ", gmv " + downstreamGmv + ", pageRank " + pageRank + "]";
  }
}
