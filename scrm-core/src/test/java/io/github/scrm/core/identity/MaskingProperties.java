package io.github.scrm.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.github.scrm.core.Fixtures;
import org.junit.jupiter.api.Test;

final class MaskingProperties {

  private static String digitsOf(String s) {
    return s.replaceAll("[^0-9]", "");
  }

  @Test
  void chineseMobile_revealsOnlyFirstThreeAndLastFour() {
    qt().withExamples(200).forAll(longs().between(10_000_000_000L, 19_999_999_999L)).checkAssert(n -> {
      String clear = Long.toString(n);
      Identifier id = Fixtures.PERSONAL.phone("+86 " + clear);
      assertThat(id.masked()).isEqualTo(clear.substring(0, 3) + "****" + clear.substring(7));
      assertThat(digitsOf(id.masked())).hasSize(7);
      assertThat(id.toString()).doesNotContain(clear).doesNotContain(clear.substring(3, 7) + clear.substring(7));
      assertThat(id.value()).doesNotContain(clear.substring(3));
    });
  }

  @Test
  void internationalPhone_revealsAtMostSevenDigitsAndNeverTheMiddle() {
    qt().withExamples(200).forAll(integers().between(7, 15), longs().between(0, Long.MAX_VALUE))
        .checkAssert((length, seed) -> {
          String digits = ("9" + Long.toString(seed) + "12345678901234").substring(0, length);
          String masked = Fixtures.PERSONAL.phone("+" + digits).masked();
          String shown = digitsOf(masked);
          int allowed = length >= 11 ? 7 : 2;
          assertThat(shown.length()).isLessThanOrEqualTo(allowed);
          assertThat(digits).startsWith(length >= 11 ? shown.substring(0, 3) : "").endsWith(
              length >= 11 ? shown.substring(3) : shown);
        });
  }

  @Test
  void email_revealsOnlyTheFirstCharacterOfTheLocalPart() {
    qt().withExamples(200).forAll(strings().betweenCodePoints('a', 'z').ofLengthBetween(2, 20))
        .checkAssert(local -> {
          String masked = Fixtures.PERSONAL.email(local + "@example.com").masked();
          assertThat(masked).isEqualTo(local.charAt(0) + "***@example.com");
        });
  }

  @Test
  void names_revealOnlyTheFirstCharacter() {
    qt().withExamples(200).forAll(strings().betweenCodePoints(0x4e00, 0x9fa5).ofLengthBetween(1, 6))
        .checkAssert(name -> {
          String masked = PersonalData.maskName(name);
          assertThat(masked.codePointAt(0)).isEqualTo(name.codePointAt(0));
          assertThat(masked.substring(masked.offsetByCodePoints(0, 1))).matches("\\*{1,3}");
        });
  }
}
