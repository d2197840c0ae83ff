package io.github.scrm.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.segmentation.spi.ContactEligibility;
import io.github.scrm.segmentation.spi.ProfileLookup;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class AudienceAndDiffTest {

  private static final Instant NOW = Instant.parse("2024-06-15T04:00:00Z");
  private final BusinessTime time = BusinessTime.of(Clock.fixed(NOW, BusinessTime.SHANGHAI));
  private final Segmentation seg = Segmentation.builder().businessTime(time).build();

  private ProfileLookup population() {
    Map<CustomerId, AttributeValues> m = new LinkedHashMap<>();
    for (int i = 0; i < 10; i++) {
      AttributeMap.Builder b = AttributeMap.builder().put(StandardAttributes.ORDERS, (long) i);
      if (i == 9) {
        b.put(StandardAttributes.NO_PERSONALISED_MARKETING, true);
      }
      m.put(CustomerId.of("c" + i), b.build());
    }
    return ProfileLookup.of(m);
  }

  @Test
  void audience_excludesRefusalsAndContactPolicy_andDryRunCountsWhy() {
    CompiledRuleSet rules = seg.compile(SegmentationTest.doc("{\"id\": \"buyers\", \"when\": \"orders.count >= 5\"}"))
        .orThrow();
    ContactEligibility policy = (c, at) -> c.value().equals("c5") ? Optional.of("frequency-cap") : Optional.empty();
    SegmentAudience a = SegmentAudience.builder("buyers").rule(rules, "buyers").profiles(population())
        .contactEligibility(policy).businessTime(time).build();
    assertThat(a.members()).containsExactlyInAnyOrder(CustomerId.of("c6"), CustomerId.of("c7"), CustomerId.of("c8"));
    assertThat(a.contains(CustomerId.of("c9"))).isFalse();
    assertThat(a.contains(CustomerId.of("c6"))).isTrue();
    assertThat(a.contains(CustomerId.of("unknown"))).isFalse();
    SegmentAudience.DryRun dry = a.dryRun(2);
    assertThat(dry.matching()).isEqualTo(5);
    assertThat(dry.size()).isEqualTo(3);
    assertThat(dry.sample()).containsExactly(CustomerId.of("c6"), CustomerId.of("c7"));
    assertThat(dry.exclusions()).containsEntry("frequency-cap", 1L)
        .containsEntry(SegmentAudience.NO_PERSONALISED_MARKETING, 1L);
  }

  @Test
  void members_inAParallelStream_areExactlyTheMatchingCustomers() {
    CompiledRuleSet rules = seg.compile(SegmentationTest.doc(
        "{\"id\": \"upper\", \"when\": \"orders.count >= 10000\"}")).orThrow();
    Map<CustomerId, AttributeValues> m = new LinkedHashMap<>();
    for (int i = 0; i < 20_000; i++) {
      m.put(CustomerId.of("c" + i), AttributeMap.builder().put(StandardAttributes.ORDERS, (long) i).build());
    }
    SegmentAudience a = SegmentAudience.builder("upper").rule(rules, "upper").profiles(ProfileLookup.of(m))
        .contactEligibility(ContactEligibility.anyone()).businessTime(time).build();
    for (int round = 0; round < 5; round++) {
      assertThat(a.members().parallel().count()).isEqualTo(10_000);
      assertThat(a.members().parallel().filter(id -> Long.parseLong(id.value().substring(1)) < 10_000).count())
          .as("customers with fewer than 10000 orders, who do not match").isZero();
    }
  }

  @Test
  void audienceAndDiff_overALookupWithTheTagBook_seeManualAndImportedTags() {
    TagBook book = new TagBook(change -> { });
    book.addManual(CustomerId.of("c2"), "vip", "staff-lin", Optional.empty(), NOW);
    book.addImported(CustomerId.of("c3"), "vip", "crm-export", Optional.empty(), NOW);
    ProfileLookup withTags = population().withExtraTags(book::extraTags);
    CompiledRuleSet v1 = seg.compile(SegmentationTest.doc("{\"id\": \"vips\", \"when\": \"hasTag('vip')\"}"))
        .orThrow();
    CompiledRuleSet v2 = seg.compile(SegmentationTest.doc(
        "{\"id\": \"vips\", \"when\": \"hasTag('vip') and orders.count >= 3\"}")).orThrow();

    SegmentAudience a = SegmentAudience.builder("vips").rule(v1, "vips").profiles(withTags)
        .contactEligibility(ContactEligibility.anyone()).businessTime(time).build();
    VersionDiff d = VersionDiff.between(v1, v2, withTags, NOW);

    assertThat(a.members()).containsExactlyInAnyOrder(CustomerId.of("c2"), CustomerId.of("c3"));
    assertThat(d.tags().get("vips")).isEqualTo(new VersionDiff.TagDelta(2, 1, 0, 1));
    // without the tag book, no one holds the tag
    assertThat(SegmentAudience.builder("vips").rule(v1, "vips").profiles(population())
        .contactEligibility(ContactEligibility.anyone()).businessTime(time).build().members()).isEmpty();
  }

  @Test
  void audienceBuilder_namesTheMissingPart() {
    assertThatThrownBy(() -> SegmentAudience.builder("x").build()).hasMessageContaining("rule is required");
  }

  @Test
  void diff_countsGainsAndLossesPerTag() {
    CompiledRuleSet v1 = seg.compile(SegmentationTest.doc("""
        {"id": "buyers", "when": "orders.count >= 5"}, {"id": "old", "when": "orders.count = 0"}""")).orThrow();
    CompiledRuleSet v2 = seg.compile(SegmentationTest.doc("""
        {"id": "buyers", "when": "orders.count >= 3"}, {"id": "new", "when": "orders.count = 9"}""")).orThrow();
    VersionDiff d = VersionDiff.between(v1, v2, population(), NOW);
    assertThat(d.profiles()).isEqualTo(10);
    assertThat(d.tags().get("buyers")).isEqualTo(new VersionDiff.TagDelta(5, 7, 2, 0));
    assertThat(d.tags().get("old")).isEqualTo(new VersionDiff.TagDelta(1, 0, 0, 1));
    assertThat(d.tags().get("new")).isEqualTo(new VersionDiff.TagDelta(0, 1, 1, 0));
    assertThat(d.report()).contains("buyers: 5 -> 7 (+2 / -0)");
  }
}
