package io.github.scrm.core.referral.influence;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.spi.InfluenceSink;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * The influence of every customer in a graph: scores, top-N lists by store or campaign, explanations, and publication
 * into profiles. Immutable and thread-safe.
 */
public final class InfluenceRanking {
  private final InfluenceGraph graph;
  private final InfluenceSettings settings;
  private final double[] downstream;
  private final long[] gmv;
  private final double[] rank;
  private final double minRank;
  private final double[] max;
  private final double[] score;

  InfluenceRanking(InfluenceGraph graph, InfluenceSettings settings, double[] downstream, long[] gmv, double[] rank,
      double minRank, double[] max, double[] score) {
    this.graph = graph;
    this.settings = settings;
    this.downstream = downstream;
    this.gmv = gmv;
    this.rank = rank;
    this.minRank = minRank;
    this.max = max;
    this.score = score;
  }

  /** The customer's score, 0 to 100 with two decimals; empty when they are not in the graph. */
  public Optional<BigDecimal> score(CustomerId customer) {
    int i = indexOf(customer);
    return i < 0 ? Optional.empty() : Optional.of(rounded(i));
  }

  /** The {@code n} most influential customers in the graph. */
  public List<RankedCustomer> topN(int n) {
    return topN(n, InfluenceScope.all());
  }

  /**
   * The {@code n} most influential customers in {@code scope}, by score then customer id; empty for an unknown
   * scope.
   */
  public List<RankedCustomer> topN(int n, InfluenceScope scope) {
    return topN(n, scope, customer -> true);
  }

  /**
   * The {@code n} most influential customers in {@code scope} that {@code eligible} accepts, ranked among themselves:
   * for a list that targets customers, pass {@code ProfilePorts.rankable(scrm)} so that erased customers and those who
   * refused personalised marketing (PIPL art. 24) are left out.
   */
  public List<RankedCustomer> topN(int n, InfluenceScope scope, Predicate<? super CustomerId> eligible) {
    Objects.requireNonNull(eligible, "eligible");
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, but was " + n);
    }
    BitSet members = null;
    if (scope instanceof InfluenceScope.Store s) {
      members = graph.stores.getOrDefault(s.store(), new BitSet());
    } else if (scope instanceof InfluenceScope.Campaign c) {
      members = graph.campaigns.getOrDefault(c.campaign(), new BitSet());
    }
    // min-heap of the best n: the weakest (lowest score, then highest index) on top
    PriorityQueue<Integer> best = new PriorityQueue<>(n + 1,
        (a, b) -> score[a] != score[b] ? Double.compare(score[a], score[b]) : Integer.compare(b, a));
    int count = graph.customers.length;
    BitSet only = members;
    for (int i = only == null ? 0 : only.nextSetBit(0); i >= 0 && i < count;
        i = only == null ? i + 1 : only.nextSetBit(i + 1)) {
      if (!eligible.test(graph.customers[i])) {
        continue;
      }
      best.add(i);
      if (best.size() > n) {
        best.poll();
      }
    }
    Integer[] top = best.toArray(new Integer[0]);
    Arrays.sort(top, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
    List<RankedCustomer> result = new ArrayList<>(top.length);
    for (int r = 0; r < top.length; r++) {
      result.add(new RankedCustomer(r + 1, graph.customers[top[r]], rounded(top[r])));
    }
    return result;
  }

  /** The inputs behind the customer's score; empty when they are not in the graph. */
  public Optional<InfluenceExplanation> explain(CustomerId customer) {
    int i = indexOf(customer);
    if (i < 0) {
      return Optional.empty();
    }
    double[] norm = RankComputation.normalise(max, graph.direct[i], downstream[i], gmv[i], rank[i] - minRank);
    return Optional.of(new InfluenceExplanation(customer, graph.direct[i], downstream[i],
        Money.of(gmv[i], graph.currency), rank[i], norm, settings, rounded(i)));
  }

  /** Writes every customer's score to {@code sink} (the profile metric {@code social.influence}), in id order. */
  public void publish(InfluenceSink sink) {
    for (int i = 0; i < graph.customers.length; i++) {
      sink.accept(graph.customers[i], rounded(i));
    }
  }

  /** Customers ranked. */
  public int size() {
    return graph.customers.length;
  }

  private BigDecimal rounded(int i) {
    return BigDecimal.valueOf(score[i]).setScale(2, RoundingMode.HALF_EVEN);
  }

  private int indexOf(CustomerId customer) {
    int i = Arrays.binarySearch(graph.customers, customer);
    return i >= 0 ? i : -1;
  }
}
