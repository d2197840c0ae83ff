package io.github.scrm.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableSet;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.time.BusinessTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ProfileTableTest {

  private static final Instant NOW = Instant.parse("2024-06-15T04:00:00Z");
  private final CompiledRuleSet rules = Segmentation.builder().businessTime(BusinessTime.of(Clock.fixed(NOW,
      BusinessTime.SHANGHAI))).build().compile(SegmentationTest.doc("""
          {"id": "vip", "when": "hasTag('manual_vip')"},
          {"id": "fan", "when": "hasTag('fan')"}""")).orThrow();

  private boolean hasAfterBatch(ProfileTable t, int row, String rule) {
    BatchEvaluation.over(t).asOf(NOW).threads(1).run();
    return t.has(row, rules.indexOf(rule));
  }

  @Test
  void update_keepsTheRowsManualAndImportedTags() {
    ProfileTable t = rules.newTable(4);
    int row = t.add(CustomerId.of("alice"), AttributeMap.builder().put(StandardAttributes.ORDERS, 1L).build());
    t.reload(row, AttributeMap.builder().put(StandardAttributes.ORDERS, 1L).build(), List.of("manual_vip"));
    assertThat(hasAfterBatch(t, row, "vip")).isTrue();
    AttributeMap changed = AttributeMap.builder().put(StandardAttributes.ORDERS, 2L)
        .put(StandardAttributes.TAGS, ImmutableSet.of("fan")).build();
    t.update(row, changed, List.of(StandardAttributes.TAGS, StandardAttributes.ORDERS));
    assertThat(hasAfterBatch(t, row, "vip")).isTrue();
    assertThat(hasAfterBatch(t, row, "fan")).isTrue();
  }

  @Test
  void add_withExtraTags_keepsThemAcrossUpdatesAndGrowth() {
    ProfileTable t = rules.newTable(1);
    for (int i = 0; i < 40; i++) {
      t.add(CustomerId.of("c" + i), AttributeMap.empty(), i % 2 == 0 ? List.of("manual_vip") : List.of());
    }
    t.update(10, AttributeMap.builder().put(StandardAttributes.TAGS, ImmutableSet.of("fan")).build(),
        List.of(StandardAttributes.TAGS));
    assertThat(hasAfterBatch(t, 10, "vip")).isTrue();
    assertThat(hasAfterBatch(t, 10, "fan")).isTrue();
    assertThat(hasAfterBatch(t, 11, "vip")).isFalse();
    assertThat(hasAfterBatch(t, 38, "vip")).isTrue();
  }

  @Test
  void has_aRuleIndexOutsideTheRuleSet_isAClearError_notAnotherRowsResult() {
    ProfileTable t = rules.newTable(4);
    t.add(CustomerId.of("alice"), AttributeMap.empty());
    t.add(CustomerId.of("bob"), AttributeMap.builder().put(StandardAttributes.TAGS, ImmutableSet.of("manual_vip"))
        .build());
    BatchEvaluation.over(t).asOf(NOW).threads(1).run();
    assertThat(t.has(1, 0)).isTrue();
    assertThatThrownBy(() -> t.has(0, 64)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("ruleIndex must be in [0, 2), but was 64");
    assertThatThrownBy(() -> t.has(0, rules.indexOf("no_such_rule")))
        .hasMessage("ruleIndex must be in [0, 2), but was -1");
  }
}
