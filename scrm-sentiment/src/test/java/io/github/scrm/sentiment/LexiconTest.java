package io.github.scrm.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class LexiconTest {

  @Test
  void builtIn_isVersionedAndDeclaresTheIssueCategories() {
    Lexicon lexicon = Lexicon.builtIn();
    assertThat(lexicon.version()).isEqualTo("builtin@2");
    assertThat(lexicon.categories()).extracting(IssueCategory::id).contains("delivery_speed", "quality_defect",
        "counterfeit", "wrong_missing_item", "packaging_damage", "taste_freshness", "size_fit", "price_value",
        "service_attitude", "refund_return", "coupon_promotion", "reward_not_delivered", "hygiene_food_safety",
        "health_injury_allergy", "privacy");
    assertThat(lexicon.entries().size()).isGreaterThan(800);
  }

  @Test
  void parse_badLines_areAllReportedWithTheirLineNumbers() {
    String text = "@version\t2\n好吃\tpos\tlots\n# comment\n难吃\tsour\t1\n脏\tneg\t1\tnowhere\n";
    assertThatThrownBy(() -> Lexicon.parse(text, "shop.tsv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shop.tsv line 2: weight must be a number, but was 'lots'")
        .hasMessageContaining("shop.tsv line 4: kind must be one of");
    assertThatThrownBy(() -> Lexicon.parse("脏\tneg\t1\tnowhere\n", "shop.tsv"))
        .hasMessageContaining("names category 'nowhere', which is not declared");
  }

  @Test
  void extendedWith_hostEntriesOverrideAndAddCategories() {
    Lexicon host = Lexicon.parse("@version\t3\n@category\tcold_chain\thigh\tCold chain broken\n"
        + "绝了\tneg\t2.5\n化冻\tneg\t2.0\tcold_chain\n", "shop.tsv");
    Lexicon merged = Lexicon.builtIn().extendedWith(host);
    assertThat(merged.version()).isEqualTo("builtin@2+shop.tsv@3");
    assertThat(Sentiment.lexiconScorer(merged).score("绝了").polarity()).isEqualTo(Polarity.NEGATIVE);
    assertThat(Sentiment.defaultScorer().score("绝了").polarity()).isEqualTo(Polarity.POSITIVE);
    CommentAnalysis analysis = Sentiment.analyzer().lexicon(merged).build().analyze("冰淇淋到手全化冻了");
    assertThat(analysis.categoryIds()).contains("cold_chain");
    assertThat(analysis.severity()).isEqualTo(Severity.HIGH);
  }
}
