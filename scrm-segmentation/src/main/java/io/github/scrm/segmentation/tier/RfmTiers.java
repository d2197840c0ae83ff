package io.github.scrm.segmentation.tier;

import com.google.common.collect.ImmutableMap;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Assigns RFM classes. A customer is <em>recent</em> when their days since the last purchase are at most the recency
 * cut-off, <em>frequent</em> when their order count is at least the frequency cut-off, <em>valuable</em> when their
 * spend is at least the monetary cut-off. Cut-offs are fixed ({@link #fixed}) or taken from each group of the
 * population, such as a store or a category, so that at most a given top share of the group is on the good side of
 * each cut ({@link #quantiles}).
 */
public final class RfmTiers {

  /**
   * One customer's inputs.
   *
   * @param customer the customer
   * @param group the population the customer is compared within (store, category, or "" for all)
   * @param daysSinceLastPurchase whole days since the last purchase
   * @param orders orders in the period
   * @param spend spend in the period
   */
  public record Input(CustomerId customer, String group, long daysSinceLastPurchase, long orders, Money spend) {}

  /**
   * The three cut-offs.
   *
   * @param recentWithinDays recent when days since the last purchase is at most this
   * @param frequentFromOrders frequent when orders are at least this
   * @param valuableFrom valuable when spend is at least this
   */
  public record Cutoffs(long recentWithinDays, long frequentFromOrders, Money valuableFrom) {}

  private RfmTiers() {}

  /** Classes with the same cut-offs for everyone. */
  public static Map<CustomerId, RfmClass> fixed(List<Input> population, Cutoffs cutoffs) {
    Objects.requireNonNull(cutoffs, "cutoffs");
    ImmutableMap.Builder<CustomerId, RfmClass> out = ImmutableMap.builder();
    for (Input in : population) {
      out.put(in.customer(), classify(in, cutoffs));
    }
    return out.build();
  }

  /**
   * Cut-offs per group from the population, such that in each group at most the top {@code 1 - quantile} share is
   * recent, at most that share frequent and at most that share valuable. With {@code 0.8}, the best fifth by each
   * measure; with {@code 0.5}, those strictly better than the group's median.
   *
   * <p>Each measure is cut at its {@code quantile} (nearest rank) counted from the bad end: the fewest orders, the
   * lowest spend, the most days since the last purchase. Only customers strictly better than the value at the cut
   * qualify, so ties at the cut never push the share above {@code 1 - quantile} (when six of ten customers have one
   * order, a median cut makes the four with more than one order frequent, not all ten). The result is in the form
   * of {@link Cutoffs}: {@code recentWithinDays} is one day below the recency cut, {@code frequentFromOrders} one
   * order and {@code valuableFrom} one minor unit above the other two.
   */
  public static Map<String, Cutoffs> quantileCutoffs(List<Input> population, double quantile) {
    if (!(quantile > 0 && quantile < 1)) {
      throw new IllegalArgumentException("quantile must be strictly between 0 and 1, but was " + quantile);
    }
    Map<String, List<Input>> groups = new HashMap<>();
    population.forEach(in -> groups.computeIfAbsent(in.group(), g -> new ArrayList<>()).add(in));
    Map<String, Cutoffs> out = new HashMap<>();
    groups.forEach((group, members) -> {
      int n = members.size();
      int rank = rank(n, quantile);
      long[] days = members.stream().mapToLong(Input::daysSinceLastPurchase).sorted().toArray();
      long[] orders = members.stream().mapToLong(Input::orders).sorted().toArray();
      List<Input> bySpend = new ArrayList<>(members);
      bySpend.sort(Comparator.comparing(Input::spend));
      // days are better when lower: the cut counted from the bad (high) end sits at ascending index n - rank
      long recentBelow = days[n - rank];
      long frequentAbove = orders[rank - 1];
      Money valuableAbove = bySpend.get(rank - 1).spend();
      out.put(group, new Cutoffs(recentBelow - 1, frequentAbove + 1,
          Money.of(valuableAbove.minorUnits() + 1, valuableAbove.currency())));
    });
    return ImmutableMap.copyOf(out);
  }

  /** Classes with cut-offs from each group's {@code quantile}; see {@link #quantileCutoffs}. */
  public static Map<CustomerId, RfmClass> quantiles(List<Input> population, double quantile) {
    Map<String, Cutoffs> cutoffs = quantileCutoffs(population, quantile);
    ImmutableMap.Builder<CustomerId, RfmClass> out = ImmutableMap.builder();
    for (Input in : population) {
      out.put(in.customer(), classify(in, cutoffs.get(in.group())));
    }
    return out.build();
  }

  static RfmClass classify(Input in, Cutoffs c) {
    return RfmClass.of(in.daysSinceLastPurchase() <= c.recentWithinDays(), in.orders() >= c.frequentFromOrders(),
        in.spend().compareTo(c.valuableFrom()) >= 0);
  }

  /** The 1-based nearest rank of {@code q} among {@code n} values: ceil(q * n), exact for q as written. */
  private static int rank(int n, double q) {
    int r = BigDecimal.valueOf(q).multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING).intValueExact();
    return Math.min(n, Math.max(1, r));
  }
}
