package io.github.scrm.segmentation.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class RfmTiersProperties {

  private static List<RfmTiers.Input> population(long seed, int size, int spread) {
    Random r = new Random(seed);
    List<RfmTiers.Input> pop = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      pop.add(new RfmTiers.Input(CustomerId.of("c" + i), "", r.nextInt(spread), r.nextInt(spread),
          Money.fen(r.nextInt(spread))));
    }
    return pop;
  }

  @Test
  void quantiles_neverPutMoreThanTheTopShareOnTheGoodSideOfAnyCut_evenWithTies() {
    qt().forAll(longs().all(), integers().between(1, 60), integers().between(1, 95), integers().between(1, 40))
        .checkAssert((seed, size, percent, spread) -> {
          double q = percent / 100.0;
          Map<CustomerId, RfmClass> r = RfmTiers.quantiles(population(seed, size, spread), q);
          long topShare = size - (long) Math.ceil(q * size - 1e-9);
          assertThat(r.values().stream().filter(RfmClass::recent).count()).as("recent").isLessThanOrEqualTo(topShare);
          assertThat(r.values().stream().filter(RfmClass::frequent).count()).as("frequent")
              .isLessThanOrEqualTo(topShare);
          assertThat(r.values().stream().filter(RfmClass::valuable).count()).as("valuable")
              .isLessThanOrEqualTo(topShare);
        });
  }

  @Test
  void quantiles_withoutTies_putExactlyTheTopShareOnTheGoodSideOfEachCut() {
    qt().forAll(longs().all(), integers().between(1, 60), integers().between(1, 95)).checkAssert((seed, size, pct) -> {
      double q = pct / 100.0;
      List<Integer> ranks = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        ranks.add(i);
      }
      java.util.Collections.shuffle(ranks, new Random(seed));
      List<RfmTiers.Input> pop = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        pop.add(new RfmTiers.Input(CustomerId.of("c" + i), "", ranks.get(i), ranks.get((i + 1) % size),
            Money.fen(ranks.get((i + 2) % size))));
      }
      Map<CustomerId, RfmClass> r = RfmTiers.quantiles(pop, q);
      long topShare = size - (long) Math.ceil(q * size - 1e-9);
      assertThat(r.values().stream().filter(RfmClass::recent).count()).as("recent").isEqualTo(topShare);
      assertThat(r.values().stream().filter(RfmClass::frequent).count()).as("frequent").isEqualTo(topShare);
      assertThat(r.values().stream().filter(RfmClass::valuable).count()).as("valuable").isEqualTo(topShare);
    });
  }
}
