package io.github.scrm.coupons.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class LineAmountsTest {
  private final String[] ids = {"L0", "L1", "L2"};
  private final long[] values = {2, 4, 1, 119_80, 50_00, 88_00};

  @Test
  void of_readsItsSliceOfTheValues_andEqualsAnOrdinaryMapWithTheSameEntries() {
    Map<String, Long> quantities = LineAmounts.of(ids, values, 0);
    Map<String, Long> net = LineAmounts.of(ids, values, 3);
    assertThat(quantities).isEqualTo(Map.of("L0", 2L, "L1", 4L, "L2", 1L));
    assertThat(net).isEqualTo(Map.of("L0", 119_80L, "L1", 50_00L, "L2", 88_00L));
    assertThat(net.hashCode()).isEqualTo(Map.of("L0", 119_80L, "L1", 50_00L, "L2", 88_00L).hashCode());
    assertThat(net.get("L1")).isEqualTo(50_00L);
    assertThat(net.get("L9")).isNull();
    assertThat(net.getOrDefault("L9", 0L)).isZero();
    assertThat(net.containsKey("L2")).isTrue();
    assertThat(net.keySet()).containsExactly("L0", "L1", "L2");
    Map<String, Long> seen = new LinkedHashMap<>();
    net.forEach(seen::put);
    assertThat(seen).containsExactly(Map.entry("L0", 119_80L), Map.entry("L1", 50_00L), Map.entry("L2", 88_00L));
  }

  @Test
  void copyOf_keepsALineAmounts_andCopiesAnyOtherMap() {
    Map<String, Long> compact = LineAmounts.of(ids, values, 0);
    assertThat(LineAmounts.copyOf(compact)).isSameAs(compact);
    Map<String, Long> mutable = new LinkedHashMap<>(Map.of("L0", 1L));
    Map<String, Long> copy = LineAmounts.copyOf(mutable);
    mutable.put("L1", 2L);
    assertThat(copy).containsOnlyKeys("L0");
  }

  @Test
  void of_valuesTooShortForTheIds_isRefused() {
    assertThatThrownBy(() -> LineAmounts.of(ids, values, 4)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("values must hold 3 amounts from index 4, but has 6");
  }

  @Test
  void put_isRefused_becauseTheMapIsImmutable() {
    Map<String, Long> net = LineAmounts.of(ids, values, 3);
    assertThatThrownBy(() -> net.put("L3", 1L)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(net).hasSize(3);
  }
}
