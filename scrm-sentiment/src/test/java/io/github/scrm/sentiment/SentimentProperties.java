package io.github.scrm.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import io.github.scrm.sentiment.spi.SentimentScorer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

final class SentimentProperties {

  private static final SentimentScorer SCORER = Sentiment.defaultScorer();
  private static final List<String> WORDS = List.of("好吃", "难吃", "不", "没有", "很", "有点", "但是", "不过", "！",
      "？", "，", "。", "呵呵", "好个屁", "这也叫", "太慢", "yyds", "😡", "👍", "不是", "送餐", "味道", "垃圾", "还行",
      "not", " good", "满意", "一般", "！！！", "就是", "凉了", "快", "?", "...");

  static Gen<String> comments() {
    Gen<String> word = Generate.pick(WORDS);
    return Generate.intArrays(Generate.range(0, 12), Generate.range(0, WORDS.size() - 1))
        .map(idx -> {
          StringBuilder sb = new StringBuilder();
          for (int i : idx) {
            sb.append(WORDS.get(i));
          }
          return sb.toString();
        }).mix(strings().allPossible().ofLengthBetween(0, 60), 30).mix(word, 10);
  }

  @Test
  void score_isInUnitIntervalForAnyString() {
    qt().withExamples(300).forAll(strings().allPossible().ofLengthBetween(0, 300))
        .checkAssert(text -> assertThat(SCORER.score(text).negativeScore()).isBetween(0.0, 1.0));
    qt().withExamples(200).forAll(comments())
        .checkAssert(text -> assertThat(SCORER.score(text).negativeScore()).isBetween(0.0, 1.0));
  }

  @Test
  void addingAStrongNegativeClause_neverMakesATextMorePositive() {
    qt().withExamples(300).forAll(comments()).checkAssert(text ->
        assertThat(SCORER.score(text + "，垃圾！").negativeScore())
            .isGreaterThanOrEqualTo(SCORER.score(text).negativeScore()));
  }
}
