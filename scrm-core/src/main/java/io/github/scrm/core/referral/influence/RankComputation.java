package io.github.scrm.core.referral.influence;

import java.util.stream.IntStream;

/**
 * The numeric core of the ranking. Every per-customer value is a sum over that customer's row in a fixed order, so
 * rows can be computed in parallel without changing a single bit of the result.
 */
final class RankComputation {
  /** Rows per parallel task: large enough to amortise scheduling, small enough to balance hubs. */
  private static final int CHUNK = 16_384;
  /** Total (L1) change of the ranks, which sum to 1, below which PageRank stops before its iteration limit. */
  private static final double CONVERGED = 1e-7;

  private RankComputation() {}

  static InfluenceRanking run(InfluenceGraph g, InfluenceSettings s) {
    int n = g.customers.length;
    double[] down = new double[n];
    long[] gmv = new long[n];
    downstream(g, s.hops(), s.decayBasisPoints(), down, gmv);
    double[] rank = pageRank(g, s.dampingBasisPoints() / 10_000.0, s.iterations());
    double[] score = new double[n];
    double maxDirect = 0;
    double maxDown = 0;
    double maxGmv = 0;
    double maxRank = 0;
    double minRank = n == 0 ? 0 : Double.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      minRank = Math.min(minRank, rank[i]);
    }
    for (int i = 0; i < n; i++) {
      maxDirect = Math.max(maxDirect, g.direct[i]);
      maxDown = Math.max(maxDown, down[i]);
      maxGmv = Math.max(maxGmv, gmv[i]);
      maxRank = Math.max(maxRank, rank[i] - minRank);
    }
    double[] max = {maxDirect, maxDown, maxGmv, maxRank};
    int[] weight = {s.directWeight(), s.downstreamWeight(), s.gmvWeight(), s.rankWeight()};
    double total = weight[0] + weight[1] + weight[2] + weight[3];
    for (int i = 0; i < n; i++) {
      double[] norm = normalise(max, g.direct[i], down[i], gmv[i], rank[i] - minRank);
      double sum = 0;
      for (int c = 0; c < 4; c++) {
        sum += weight[c] * norm[c];
      }
      score[i] = 100.0 * sum / total;
    }
    return new InfluenceRanking(g, s, down, gmv, rank, minRank, max, score);
  }

  static double[] normalise(double[] max, double direct, double down, double gmv, double rank) {
    double[] x = {direct, down, gmv, rank};
    double[] norm = new double[4];
    for (int c = 0; c < 4; c++) {
      norm[c] = max[c] <= 0 ? 0 : Math.log1p(x[c]) / Math.log1p(max[c]);
    }
    return norm;
  }

  /**
   * Both downstream measures in one pass per hop, reading each row once:
   *
   * <ul>
   *   <li>conversions: D_1(u) = outdeg(u); D_j(u) = outdeg(u) + decay * sum over u's edges of D_{j-1}(target);
   *   <li>GMV, in exact minor units: G_j(u) = gmvOut(u) + floor(decay * sum over u's edges of G_{j-1}(target)).
   * </ul>
   *
   * Both count walks of up to k hops. Returns D_k in {@code conversions} and G_k in {@code gmv}.
   */
  private static void downstream(InfluenceGraph g, int hops, int decayBasisPoints, double[] conversions,
      long[] gmv) {
    int n = g.customers.length;
    double decay = decayBasisPoints / 10_000.0;
    double[] dPrev = new double[n];
    long[] gPrev = new long[n];
    for (int hop = 1; hop <= hops; hop++) {
      double[] dIn = dPrev;
      long[] gIn = gPrev;
      double[] dOut = hop == hops ? conversions : new double[n];
      long[] gOut = hop == hops ? gmv : new long[n];
      rows(n, i -> {
        double d = 0;
        long m = 0;
        for (int e = g.offsets[i]; e < g.offsets[i + 1]; e++) {
          int t = g.targets[e];
          d += dIn[t];
          m = Math.addExact(m, gIn[t]);
        }
        dOut[i] = (g.offsets[i + 1] - g.offsets[i]) + decay * d;
        // m * decay without overflow, rounded down to a whole minor unit
        long decayed = (m / 10_000) * decayBasisPoints + (m % 10_000) * decayBasisPoints / 10_000;
        gOut[i] = Math.addExact(g.gmvOut[i], decayed);
      });
      dPrev = dOut;
      gPrev = gOut;
    }
  }

  /**
   * Weighted PageRank on the endorsement graph: a customer passes their rank to whoever influenced them, split by
   * edge weight. Customers nobody influenced spread their rank evenly. Pull formulation over rows, so deterministic.
   * Stops after {@code iterations} or once the ranks change by less than {@link #CONVERGED} in total.
   */
  private static double[] pageRank(InfluenceGraph g, double damping, int iterations) {
    int n = g.customers.length;
    if (n == 0) {
      return new double[0];
    }
    double[] inWeight = new double[n];
    for (int e = 0; e < g.targets.length; e++) {
      inWeight[g.targets[e]] += g.weights[e];
    }
    double[] rank = new double[n];
    java.util.Arrays.fill(rank, 1.0 / n);
    float[] share = new float[n]; // 4 bytes a customer: the randomly read array stays in cache longer
    double[] next = new double[n];
    for (int it = 0; it < iterations; it++) {
      double dangling = 0;
      for (int v = 0; v < n; v++) {
        if (inWeight[v] == 0) {
          dangling += rank[v];
          share[v] = 0;
        } else {
          share[v] = (float) (rank[v] / inWeight[v]);
        }
      }
      double base = (1 - damping) / n + damping * dangling / n;
      double[] out = next;
      rows(n, u -> {
        double sum = 0;
        for (int e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
          sum += (double) share[g.targets[e]] * g.weights[e];
        }
        out[u] = base + damping * sum;
      });
      next = rank;
      rank = out;
      double change = 0;
      for (int v = 0; v < n; v++) {
        change += Math.abs(rank[v] - next[v]);
      }
      if (change < CONVERGED) {
        break; // converged: further iterations change no score at two decimals
      }
    }
    for (int i = 0; i < n; i++) {
      rank[i] *= n; // relative to the average customer: 1.0 is average
    }
    return rank;
  }

  private static void rows(int n, java.util.function.IntConsumer row) {
    int chunks = (n + CHUNK - 1) / CHUNK;
    IntStream.range(0, chunks).parallel().forEach(c -> {
      int end = Math.min(n, (c + 1) * CHUNK);
      for (int i = c * CHUNK; i < end; i++) {
        row.accept(i);
      }
    });
  }
}
