package io.github.scrm.sentiment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.github.scrm.sentiment.Sentiment;
import io.github.scrm.sentiment.SentimentScore;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

final class TraditionalChineseProperties {

  private static final Map<Character, Character> TO_TRADITIONAL = new HashMap<>();
  private static final List<String> SIMPLIFIED_WORDS = List.of("难吃", "态度", "还行", "没有", "不", "很", "满意",
      "质量", "问题", "退款", "骗子", "过敏", "变质", "发货", "卫生", "干净", "优惠", "赠品", "说好的", "送餐员",
      "，", "！", "？", "但是", "呵呵", "这也叫", "好吃", "脏", "点赞", "价格", "贵", "饭", "汤洒了", "头发");

  static {
    String pairs = TraditionalChinese.PAIRS;
    for (int i = 0; i < pairs.length(); i += 2) {
      TO_TRADITIONAL.putIfAbsent(pairs.charAt(i + 1), pairs.charAt(i));
    }
  }

  static String toTraditional(String simplified) {
    StringBuilder sb = new StringBuilder(simplified.length());
    for (char c : simplified.toCharArray()) {
      sb.append(TO_TRADITIONAL.getOrDefault(c, c));
    }
    return sb.toString();
  }

  static Gen<String> simplifiedComments() {
    return Generate.intArrays(Generate.range(1, 10), Generate.range(0, SIMPLIFIED_WORDS.size() - 1)).map(idx -> {
      StringBuilder sb = new StringBuilder();
      for (int i : idx) {
        sb.append(SIMPLIFIED_WORDS.get(i));
      }
      return sb.toString();
    });
  }

  @Test
  void table_mapsOneToOneAndIsIdempotent() {
    String pairs = TraditionalChinese.PAIRS;
    Set<Character> keys = new HashSet<>();
    Set<Character> values = new HashSet<>();
    for (int i = 0; i < pairs.length(); i += 2) {
      assertThat(keys.add(pairs.charAt(i))).as("duplicate key %s", pairs.charAt(i)).isTrue();
      values.add(pairs.charAt(i + 1));
    }
    keys.retainAll(values);
    assertThat(keys).as("characters that are both traditional and simplified").isEmpty();
  }

  @Test
  void traditionalAndSimplifiedForms_scoreTheSame() {
    qt().withExamples(300).forAll(simplifiedComments()).checkAssert(text -> {
      String traditional = toTraditional(text);
      SentimentScore a = Sentiment.defaultScorer().score(text);
      SentimentScore b = Sentiment.defaultScorer().score(traditional);
      assertThat(b.negativeScore()).as("%s vs %s", text, traditional).isEqualTo(a.negativeScore());
      assertThat(b.evidence()).isEqualTo(a.evidence());
    });
  }
}
