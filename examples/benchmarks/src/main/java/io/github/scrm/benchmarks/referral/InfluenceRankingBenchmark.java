package io.github.scrm.benchmarks.referral;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.referral.influence.EdgeKind;
import io.github.scrm.core.referral.influence.InfluenceGraph;
import io.github.scrm.core.referral.influence.InfluenceRanking;
import io.github.scrm.core.referral.influence.InfluenceSettings;
import io.github.scrm.core.referral.influence.RankedCustomer;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Key-opinion-customer ranking over 1,000,000 customers and 10,000,000 edges with a skewed out-degree (a few
 * customers bring many), run with {@code -Xmx2g}. Customers are looked up once, edges added by number. {@link
 * #buildAndRank} is the whole job from edges to a top-5 list; {@link #rankOnly} ranks a graph built beforehand.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InfluenceRankingBenchmark {
  /** Customers in the graph; ten edges per customer (1M customers, 10M edges by default). */
  @Param("1000000")
  int customers;

  private static final int EDGES_PER_CUSTOMER = 10;

  private CustomerId[] ids;
  private int[] from;
  private int[] to;
  private byte[] kind;
  private InfluenceGraph built;

  @Setup(Level.Trial)
  public void edges() {
    ids = new CustomerId[customers];
    for (int i = 0; i < customers; i++) {
      ids[i] = CustomerId.of("c" + i);
    }
    SplittableRandom random = new SplittableRandom(2026);
    int edges = customers * EDGES_PER_CUSTOMER;
    from = new int[edges];
    to = new int[edges];
    kind = new byte[edges];
    for (int e = 0; e < edges; e++) {
      // squaring a uniform draw skews sources towards low ids: a long tail of influencers
      double u = random.nextDouble();
      from[e] = (int) (u * u * customers);
      to[e] = random.nextInt(customers);
      kind[e] = (byte) random.nextInt(EdgeKind.values().length);
    }
    built = graph();
  }

  private InfluenceGraph graph() {
    int edges = from.length;
    InfluenceGraph.Builder b = InfluenceGraph.builder().expectedSize(customers, edges);
    int[] number = new int[customers];
    for (int i = 0; i < customers; i++) {
      number[i] = b.indexOf(ids[i]);
    }
    EdgeKind[] kinds = EdgeKind.values();
    for (int e = 0; e < edges; e++) {
      EdgeKind k = kinds[kind[e]];
      b.edge(number[from[e]], number[to[e]], k, k == EdgeKind.SHARE_PURCHASE ? 199_00 : 0);
    }
    return b.build();
  }

  /** Builder fed with 10M edges, CSR built, every score computed, top 5 listed. */
  @Benchmark
  public List<RankedCustomer> buildAndRank() {
    return graph().rank(InfluenceSettings.defaults()).topN(5);
  }

  /** Every score computed over the prebuilt graph, top 5 listed. */
  @Benchmark
  public List<RankedCustomer> rankOnly() {
    InfluenceRanking ranking = built.rank(InfluenceSettings.defaults());
    return ranking.topN(5);
  }
}
