package io.github.scrm.segmentation.tier;

import com.google.common.collect.ImmutableMap;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Assigns RFM classes. A customer is <em>recent</em> when their days since the last purchase are at most the recency
 * cut-off, <em>frequent</em> when their order count is at least the frequency cut-off, <em>valuable</em> when their
 * spend is at least the monetary cut-off. Cut-offs are fixed ({@link #fixed}) or the given quantile of each group of
 * the population, such as a store or a category ({@link #quantiles}).
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
   * Cut-offs per group from the population: recency at the {@code quantile} of days (lower is better, so recent means
   * at most the value below which {@code quantile} of the group lies), frequency and spend at the same quantile (at
   * least the value). {@code 0.5} compares everyone with their group's median.
   */
  public static Map<String, Cutoffs> quantileCutoffs(List<Input> population, double quantile) {
    if (!(quantile > 0 && quantile < 1)) {
      throw new IllegalArgumentException("quantile must be strictly between 0 and 1, but was " + quantile);
    }
    Map<String, List<Input>> groups = new HashMap<>();
    population.forEach(in -> groups.computeIfAbsent(in.group(), g -> new ArrayList<>()).add(in));
    Map<String, Cutoffs> out = new HashMap<>();
    groups.forEach((group, members) -> {
      long days = quantile(members.stream().mapToLong(Input::daysSinceLastPurchase).sorted().toArray(), quantile);
      long orders = quantile(members.stream().mapToLong(Input::orders).sorted().toArray(), quantile);
      List<Input> bySpend = new ArrayList<>(members);
      bySpend.sort(Comparator.comparing(Input::spend));
      Money spend = bySpend.get(index(bySpend.size(), quantile)).spend();
      out.put(group, new Cutoffs(days, orders, spend));
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

  /** The nearest-rank quantile of sorted values. */
  private static long quantile(long[] sorted, double q) {
    return sorted[index(sorted.length, q)];
  }

  private static int index(int n, double q) {
    return Math.min(n - 1, Math.max(0, (int) Math.ceil(q * n) - 1));
  }
}
