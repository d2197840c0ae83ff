package io.github.scrm.core.referral.influence;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The influence graph in compressed sparse rows: customers are numbered in {@link CustomerId} order, each row lists a
 * customer's outgoing edges sorted by (target, weight). Because the numbering and the row order depend only on the
 * set of edges, never on the order they were added, every score computed over the graph is the same bit for bit
 * whatever order the edges arrived in. Immutable and safe to share once built.
 */
public final class InfluenceGraph {
  final CustomerId[] customers;
  final int[] offsets;
  final int[] targets;
  final float[] weights;
  final int[] direct;
  final long[] gmvOut;
  final Currency currency;
  final Map<String, BitSet> stores;
  final Map<String, BitSet> campaigns;

  private InfluenceGraph(CustomerId[] customers, int[] offsets, int[] targets, float[] weights, int[] direct,
      long[] gmvOut, Currency currency, Map<String, BitSet> stores, Map<String, BitSet> campaigns) {
    this.customers = customers;
    this.offsets = offsets;
    this.targets = targets;
    this.weights = weights;
    this.direct = direct;
    this.gmvOut = gmvOut;
    this.currency = currency;
    this.stores = stores;
    this.campaigns = campaigns;
  }

  /** Starts an empty graph whose GMV is in CNY. */
  public static Builder builder() {
    return new Builder(Money.CNY);
  }

  /** Starts an empty graph whose GMV is in {@code currency}. */
  public static Builder builder(Currency currency) {
    return new Builder(currency);
  }

  /** Customers in the graph. */
  public int customerCount() {
    return customers.length;
  }

  /** Edges in the graph. */
  public int edgeCount() {
    return targets.length;
  }

  /** Computes every customer's influence with {@code settings}, using up to two threads. */
  public InfluenceRanking rank(InfluenceSettings settings) {
    return RankComputation.run(this, settings);
  }

  /** Collects customers and edges; not thread-safe (fill it from one thread, then {@link #build()}). */
  public static final class Builder {
    private final Currency currency;
    private Map<CustomerId, Integer> index = new HashMap<>();
    private CustomerId[] ids = new CustomerId[1024];
    private int[] direct = new int[1024];
    private long[] gmvOut = new long[1024];
    private int[] src = new int[1024];
    private int[] dst = new int[1024];
    private float[] w = new float[1024];
    private int edges;
    private final Map<String, BitSet> stores = new HashMap<>();
    private final Map<String, BitSet> campaigns = new HashMap<>();

    private Builder(Currency currency) {
      this.currency = currency;
    }

    /**
     * Reserves room for about {@code customers} customers and {@code edges} edges, so that a bulk load does not
     * repeatedly grow its arrays. Call before adding anything.
     *
     * @throws IllegalStateException when customers or edges were already added
     */
    public Builder expectedSize(int customers, int edges) {
      if (!index.isEmpty() || this.edges > 0) {
        throw new IllegalStateException("expectedSize must be called on an empty builder, but it has "
            + index.size() + " customers and " + this.edges + " edges");
      }
      int c = Math.max(customers, 16);
      int e = Math.max(edges, 16);
      index = new HashMap<>((int) Math.min(Integer.MAX_VALUE, c * 4L / 3 + 1));
      ids = new CustomerId[c];
      direct = new int[c];
      gmvOut = new long[c];
      src = new int[e];
      dst = new int[e];
      w = new float[e];
      return this;
    }

    /** Adds {@code customer} (also without edges) as a customer of {@code store}, for store-scoped top-N. */
    public Builder customer(CustomerId customer, String store) {
      stores.computeIfAbsent(store, s -> new BitSet()).set(node(customer));
      return this;
    }

    /** A qualified referral from {@code referrer} to {@code referee}. */
    public Builder referral(CustomerId referrer, CustomerId referee) {
      return edge(node(referrer), node(referee), EdgeKind.REFERRAL, 0, "");
    }

    /** A qualified referral in {@code campaign} (a programme or campaign id, for campaign-scoped top-N). */
    public Builder referral(CustomerId referrer, CustomerId referee, String campaign) {
      return edge(node(referrer), node(referee), EdgeKind.REFERRAL, 0, campaign);
    }

    /** An edge of {@code kind} with its default weight, no GMV and no campaign. */
    public Builder edge(CustomerId from, CustomerId to, EdgeKind kind) {
      return edge(node(from), node(to), kind, 0, "");
    }

    /**
     * An edge of {@code kind} carrying the GMV it led to, tagged with {@code campaign} (empty for none). A self-loop
     * is ignored: nobody influences themselves.
     *
     * @throws IllegalArgumentException when the GMV is negative or in another currency
     */
    public Builder edge(CustomerId from, CustomerId to, EdgeKind kind, Money gmv, String campaign) {
      if (!gmv.currency().equals(currency) || gmv.isNegative()) {
        throw new IllegalArgumentException(
            "edge GMV must be a non-negative amount in " + currency + ", but was " + gmv);
      }
      return edge(node(from), node(to), kind, gmv.minorUnits(), campaign);
    }

    /**
     * The builder's number for {@code customer}, adding them when new. For bulk loads: look every customer up once,
     * then add edges by number with {@link #edge(int, int, EdgeKind, long)}, which saves a hash lookup per edge.
     */
    public int indexOf(CustomerId customer) {
      return node(customer);
    }

    /**
     * An edge between two customers numbered by {@link #indexOf}, carrying {@code gmvMinorUnits} of GMV in the
     * builder's currency.
     *
     * @throws IllegalArgumentException when a number was not handed out by this builder or the GMV is negative
     */
    public Builder edge(int from, int to, EdgeKind kind, long gmvMinorUnits) {
      int known = index.size();
      if (from < 0 || from >= known || to < 0 || to >= known || gmvMinorUnits < 0) {
        throw new IllegalArgumentException("edge needs customer numbers below " + known
            + " and a non-negative GMV, but was " + from + " -> " + to + " with " + gmvMinorUnits);
      }
      return edge(from, to, kind, gmvMinorUnits, "");
    }

    private Builder edge(int s, int t, EdgeKind kind, long gmv, String campaign) {
      if (s == t) {
        return this;
      }
      if (edges == src.length) {
        int size = src.length + (src.length >> 1);
        src = Arrays.copyOf(src, size);
        dst = Arrays.copyOf(dst, size);
        w = Arrays.copyOf(w, size);
      }
      src[edges] = s;
      dst[edges] = t;
      w[edges] = kind.weight();
      edges++;
      if (kind == EdgeKind.REFERRAL) {
        direct[s]++;
      }
      gmvOut[s] = Math.addExact(gmvOut[s], gmv);
      if (!campaign.isEmpty()) {
        campaigns.computeIfAbsent(campaign, c -> new BitSet()).set(s);
      }
      return this;
    }

    private int node(CustomerId id) {
      Integer known = index.get(id);
      if (known != null) {
        return known;
      }
      int n = index.size();
      if (n == ids.length) {
        int size = n * 2;
        ids = Arrays.copyOf(ids, size);
        direct = Arrays.copyOf(direct, size);
        gmvOut = Arrays.copyOf(gmvOut, size);
      }
      ids[n] = id;
      index.put(id, n);
      return n;
    }

    /** Builds the immutable graph; the builder should not be used afterwards. */
    public InfluenceGraph build() {
      int n = index.size();
      CustomerId[] sorted = Arrays.copyOf(ids, n);
      Arrays.parallelSort(sorted);
      int[] renumber = new int[n];
      for (int i = 0; i < n; i++) {
        renumber[index.get(sorted[i])] = i;
      }
      index.clear();
      int[] offsets = new int[n + 1];
      for (int e = 0; e < edges; e++) {
        offsets[renumber[src[e]] + 1]++;
      }
      for (int i = 0; i < n; i++) {
        offsets[i + 1] += offsets[i];
      }
      // (target << 32 | weight bits): sorting a row's longs orders it by target, then weight, independent of arrival
      long[] packed = new long[edges];
      int[] fill = Arrays.copyOf(offsets, n);
      for (int e = 0; e < edges; e++) {
        packed[fill[renumber[src[e]]]++] = ((long) renumber[dst[e]] << 32) | (Float.floatToIntBits(w[e]) & 0xFFFFFFFFL);
      }
      src = dst = new int[0];
      w = new float[0];
      IntStream.range(0, n).parallel().forEach(i -> Arrays.sort(packed, offsets[i], offsets[i + 1]));
      int[] targets = new int[edges];
      float[] weights = new float[edges];
      for (int e = 0; e < edges; e++) {
        targets[e] = (int) (packed[e] >>> 32);
        weights[e] = Float.intBitsToFloat((int) packed[e]);
      }
      int[] directSorted = new int[n];
      long[] gmvSorted = new long[n];
      for (int old = 0; old < n; old++) {
        directSorted[renumber[old]] = direct[old];
        gmvSorted[renumber[old]] = gmvOut[old];
      }
      return new InfluenceGraph(sorted, offsets, targets, weights, directSorted, gmvSorted, currency,
          remap(stores, renumber), remap(campaigns, renumber));
    }

    private static Map<String, BitSet> remap(Map<String, BitSet> byOld, int[] renumber) {
      Map<String, BitSet> result = new HashMap<>();
      byOld.forEach((key, old) -> {
        BitSet moved = new BitSet(renumber.length);
        old.stream().forEach(i -> moved.set(renumber[i]));
        result.put(key, moved);
      });
      return Map.copyOf(result);
    }
  }
}
