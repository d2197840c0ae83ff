package io.github.scrm.sentiment.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class LexiconCompatibilityTest {

  @Test
  void refusal_sameVersion_isNone() {
    assertThat(LexiconCompatibility.refusal("builtin@1", "builtin@1")).isEmpty();
    assertThat(LexiconCompatibility.refusal("odd", "odd")).isEmpty();
  }

  @Test
  void refusal_otherVersionsOfTheSameSources_isNone() {
    assertThat(LexiconCompatibility.refusal("builtin@1", "builtin@2")).isEmpty();
    assertThat(LexiconCompatibility.refusal("builtin@2", "builtin@1")).isEmpty();
    assertThat(LexiconCompatibility.refusal("builtin@1+shop.tsv@3", "builtin@2+shop.tsv@4")).isEmpty();
  }

  @Test
  void refusal_otherSources_namesBothVersionsAndTheSources() {
    assertThat(LexiconCompatibility.refusal("shop.tsv@3", "builtin@2")).hasValueSatisfying(m -> assertThat(m)
        .startsWith("model was trained with lexicon shop.tsv@3 but builtin@2 was given")
        .contains("fitted to the sources shop.tsv, not builtin"));
    assertThat(LexiconCompatibility.refusal("builtin@1", "builtin@2+shop.tsv@3")).hasValueSatisfying(m ->
        assertThat(m).contains("fitted to the sources builtin, not builtin+shop.tsv"));
    assertThat(LexiconCompatibility.refusal("shop.tsv@3+builtin@1", "builtin@1+shop.tsv@3")).isPresent();
  }

  @Test
  void refusal_versionWithoutASource_isRefusedUnlessEqual() {
    assertThat(LexiconCompatibility.refusal("builtin", "builtin@2")).hasValueSatisfying(m -> assertThat(m)
        .startsWith("model was trained with lexicon builtin but builtin@2 was given")
        .contains("not a list of source@version parts"));
  }

  @Test
  void sources_dropsTheVersionAfterTheLastAt() {
    assertThat(LexiconCompatibility.sources("builtin@2+shop@home.tsv@3")).contains(List.of("builtin", "shop@home.tsv"));
    assertThat(LexiconCompatibility.sources("@2")).isEmpty();
  }
}
