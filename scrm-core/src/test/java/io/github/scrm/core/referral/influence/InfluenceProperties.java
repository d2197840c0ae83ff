package io.github.scrm.core.referral.influence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class InfluenceProperties {

  @Test
  void scoresAreInvariantToTheOrderEdgesArriveIn() {
    // each int encodes an edge: source, target, kind and GMV over 30 customers
    qt().withExamples(100).forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 120),
        integers().all()).checkAssert((edges, seed) -> {
      List<Integer> shuffled = new ArrayList<>(edges);
      Collections.shuffle(shuffled, new Random(seed));

      InfluenceRanking inOrder = graph(edges).rank(InfluenceSettings.defaults());
      InfluenceRanking reordered = graph(shuffled).rank(InfluenceSettings.defaults());

      for (int i = 0; i < 30; i++) {
        CustomerId c = CustomerId.of("c" + i);
        assertThat(reordered.explain(c)).isEqualTo(inOrder.explain(c));
      }
      assertThat(reordered.topN(10)).isEqualTo(inOrder.topN(10));
    });
  }

  private static InfluenceGraph graph(List<Integer> edges) {
    InfluenceGraph.Builder b = InfluenceGraph.builder();
    for (int e : edges) {
      CustomerId from = CustomerId.of("c" + (e % 30));
      CustomerId to = CustomerId.of("c" + ((e / 30) % 30));
      EdgeKind kind = EdgeKind.values()[(e / 900) % EdgeKind.values().length];
      long gmv = kind == EdgeKind.SHARE_PURCHASE ? (e / 3600) % 100_000 : 0;
      b.edge(from, to, kind, Money.fen(gmv), (e & 1) == 0 ? "" : "spring");
    }
    return b.build();
  }
}
