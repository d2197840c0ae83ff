package io.github.scrm.segmentation.tier;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.money.Percent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TiersTest {

  private static RfmTiers.Input in(String id, String group, long days, long orders, long fen) {
    return new RfmTiers.Input(CustomerId.of(id), group, days, orders, Money.fen(fen));
  }

  @Test
  void fixedCutoffs_giveTheEightClasses() {
    RfmTiers.Cutoffs c = new RfmTiers.Cutoffs(90, 3, Money.fen(2000_00));
    Map<CustomerId, RfmClass> r = RfmTiers.fixed(List.of(in("a", "", 10, 5, 300_000), in("b", "", 200, 1, 100),
        in("c", "", 90, 2, 2000_00)), c);
    assertThat(r.get(CustomerId.of("a"))).isEqualTo(RfmClass.IMPORTANT_VALUE);
    assertThat(r.get(CustomerId.of("b")).label()).isEqualTo("一般挽留");
    assertThat(r.get(CustomerId.of("c")).label()).isEqualTo("重要发展");
  }

  @Test
  void quantileCutoffs_areComputedPerGroup() {
    List<RfmTiers.Input> pop = List.of(in("a", "s1", 10, 10, 1000), in("b", "s1", 20, 20, 2000),
        in("c", "s1", 30, 30, 3000), in("d", "s2", 100, 1, 10), in("e", "s2", 300, 2, 20));
    Map<String, RfmTiers.Cutoffs> cut = RfmTiers.quantileCutoffs(pop, 0.5);
    assertThat(cut.get("s1")).isEqualTo(new RfmTiers.Cutoffs(19, 21, Money.fen(2001)));
    assertThat(cut.get("s2")).isEqualTo(new RfmTiers.Cutoffs(299, 2, Money.fen(11)));
    Map<CustomerId, RfmClass> r = RfmTiers.quantiles(pop, 0.5);
    assertThat(r.get(CustomerId.of("a"))).isEqualTo(RfmClass.GENERAL_DEVELOPMENT);
    assertThat(r.get(CustomerId.of("c"))).isEqualTo(RfmClass.IMPORTANT_RETENTION);
    assertThat(r.get(CustomerId.of("d"))).isEqualTo(RfmClass.GENERAL_DEVELOPMENT);
    assertThat(r.get(CustomerId.of("e"))).isEqualTo(RfmClass.IMPORTANT_RETENTION);
  }

  @Test
  void quantileCutoffs_withTies_neverPutMoreThanTheTopShareAboveTheCut() {
    long[] orders = {1, 1, 1, 1, 1, 1, 2, 3, 5, 8};
    List<RfmTiers.Input> pop = new java.util.ArrayList<>();
    for (int i = 0; i < orders.length; i++) {
      pop.add(in("c" + i, "", 10, orders[i], 100));
    }
    Map<CustomerId, RfmClass> r = RfmTiers.quantiles(pop, 0.5);
    assertThat(r.values().stream().filter(RfmClass::frequent).count()).isEqualTo(4);
    assertThat(r.get(CustomerId.of("c0")).label()).startsWith("一般");
  }

  @Test
  void quantileCutoffs_atQuantile08_makeTheBestFifthRecentFrequentAndValuable() {
    List<RfmTiers.Input> pop = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      pop.add(in("c" + i, "", 10 * (i + 1), i + 1, 100 * (i + 1)));
    }
    Map<CustomerId, RfmClass> r = RfmTiers.quantiles(pop, 0.8);
    assertThat(r.values().stream().filter(RfmClass::recent).count()).isEqualTo(2);
    assertThat(r.values().stream().filter(RfmClass::frequent).count()).isEqualTo(2);
    assertThat(r.values().stream().filter(RfmClass::valuable).count()).isEqualTo(2);
    assertThat(r.get(CustomerId.of("c0"))).isEqualTo(RfmClass.GENERAL_DEVELOPMENT);
    assertThat(r.get(CustomerId.of("c9"))).isEqualTo(RfmClass.IMPORTANT_RETENTION);
  }

  @Test
  void abc_byCumulativeRevenueShare() {
    Map<CustomerId, Money> revenue = new LinkedHashMap<>();
    revenue.put(CustomerId.of("big"), Money.fen(7000));
    revenue.put(CustomerId.of("mid"), Money.fen(2000));
    revenue.put(CustomerId.of("small"), Money.fen(600));
    revenue.put(CustomerId.of("tiny"), Money.fen(400));
    revenue.put(CustomerId.of("none"), Money.fen(0));
    Map<CustomerId, AbcGrade> g = AbcGrading.byRevenueShare(revenue, Percent.of(70), Percent.of(90));
    assertThat(g).containsEntry(CustomerId.of("big"), AbcGrade.A).containsEntry(CustomerId.of("mid"), AbcGrade.B)
        .containsEntry(CustomerId.of("small"), AbcGrade.C).containsEntry(CustomerId.of("tiny"), AbcGrade.C)
        .containsEntry(CustomerId.of("none"), AbcGrade.C);
  }
}
