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
    assertThat(cut.get("s1")).isEqualTo(new RfmTiers.Cutoffs(20, 20, Money.fen(2000)));
    assertThat(cut.get("s2")).isEqualTo(new RfmTiers.Cutoffs(100, 1, Money.fen(10)));
    Map<CustomerId, RfmClass> r = RfmTiers.quantiles(pop, 0.5);
    assertThat(r.get(CustomerId.of("c"))).isEqualTo(RfmClass.IMPORTANT_RETENTION);
    assertThat(r.get(CustomerId.of("d"))).isEqualTo(RfmClass.IMPORTANT_VALUE);
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
