package io.github.scrm.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.sentiment.spi.SentimentScorer;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SentimentScorerTest {

  private final SentimentScorer scorer = Sentiment.defaultScorer();

  private double neg(String text) {
    return scorer.score(text).negativeScore();
  }

  @Test
  void score_emptyOrNull_isNeutral() {
    assertThat(scorer.score("").polarity()).isEqualTo(Polarity.NEUTRAL);
    assertThat(scorer.score(null).negativeScore()).isEqualTo(0.5);
    assertThat(scorer.score("   ").polarity()).isEqualTo(Polarity.NEUTRAL);
  }

  @Test
  void score_plainComplaintAndPraise_haveOppositePolarity() {
    assertThat(scorer.score("太难吃了，送得还慢").polarity()).isEqualTo(Polarity.NEGATIVE);
    assertThat(scorer.score("很好吃，送餐也快，满意").polarity()).isEqualTo(Polarity.POSITIVE);
  }

  @Test
  void score_reportsMatchedTermsAsEvidence() {
    SentimentScore score = scorer.score("味道很差");
    assertThat(score.evidence()).extracting(Evidence::term).contains("差");
    assertThat(score.evidence().get(0).rules()).contains(Rule.DEGREE);
    assertThat(score.evidence().get(0).weight()).isGreaterThan(0);
  }

  @Test
  void score_negationTurnsPraiseIntoComplaint() {
    assertThat(neg("不好吃")).isGreaterThan(0.7);
    assertThat(scorer.score("不够新鲜").rules()).contains(Rule.NEGATION);
    assertThat(neg("没有想象中好吃")).isGreaterThan(0.5);
  }

  @Test
  void score_negatedComplaint_isMilderThanTheComplaint() {
    assertThat(neg("不难吃")).isLessThan(neg("难吃")).isLessThan(0.5);
  }

  @Test
  void score_negationOverAny_reachesTheComplaint() {
    // 没有任何问题 is "no problem at all", not a complaint about a problem
    for (String text : List.of("没有任何问题", "没有任何异味", "没有什么毛病")) {
      SentimentScore score = scorer.score(text);
      assertThat(score.negativeScore()).as(text).isLessThan(0.5);
      assertThat(score.rules()).as(text).contains(Rule.NEGATION);
    }
    assertThat(neg("什么垃圾")).isGreaterThan(0.9);
  }

  @Test
  void score_doubleNegation_isPositive() {
    SentimentScore score = scorer.score("不是不好吃");
    assertThat(score.negativeScore()).isLessThan(0.5);
    assertThat(score.rules()).contains(Rule.DOUBLE_NEGATION);
  }

  @Test
  void score_negationScopeEndsAtTheClause() {
    assertThat(neg("不知道为什么，好吃")).isLessThan(0.5);
    assertThat(neg("没有，很好吃")).isLessThan(0.5);
  }

  @Test
  void score_negationScopeEndsAtALineBreak() {
    assertThat(neg("没有\n很好吃")).isEqualTo(neg("没有，很好吃")).isLessThan(0.5);
    assertThat(scorer.score("not\ngood").rules()).doesNotContain(Rule.NEGATION);
  }

  @Test
  void score_degreeAdverbsScale() {
    assertThat(neg("非常难吃")).isGreaterThan(neg("难吃")).isGreaterThan(neg("有点难吃"));
    assertThat(neg("超级好吃")).isLessThan(neg("好吃"));
  }

  @Test
  void score_intensifyingHaoAfterATopic_strengthensTheComplaint() {
    // 好 before a complaint means "really": 态度好差 is "the attitude is really bad", not 态度好 + 差
    for (String text : List.of("态度好差", "服务好差", "质量好差", "位置好难找")) {
      assertThat(neg(text)).as(text).isGreaterThan(neg("差")).isGreaterThan(0.8);
    }
    assertThat(neg("态度好好")).isLessThan(0.2);
    assertThat(neg("态度好，差评是别人写的")).isLessThan(neg("态度好差"));
  }

  @Test
  void score_negatorBeforeAComparingDegree_isEmphaticNotNegated() {
    // 没有这么 X 过: "never this X"; 没那么 X: "not that X"
    assertThat(neg("从来没有这么难吃过")).isGreaterThan(0.8);
    assertThat(neg("从未如此失望")).isGreaterThan(0.8);
    assertThat(neg("从来没有这么好吃过")).isLessThan(0.2);
    assertThat(neg("没那么难吃")).isLessThan(0.5);
    assertThat(neg("没那么好吃")).isGreaterThan(0.5);
  }

  @Test
  void score_negatedDegree_isMilderThanPlainNegation() {
    assertThat(neg("不太好吃")).isLessThan(neg("不好吃")).isGreaterThan(0.5);
  }

  @Test
  void score_contrast_laterClauseWeighsMore() {
    SentimentScore score = scorer.score("好吃，但是送得太慢了");
    assertThat(score.rules()).contains(Rule.CONTRAST_LATER, Rule.CONTRAST_EARLIER);
    assertThat(neg("送得太慢了，但是很好吃")).isLessThan(neg("很好吃，但是送得太慢了"));
  }

  @Test
  void score_concessionRepeatingAPraise_countsItOnce() {
    // 好吃是好吃，就是太贵了: "tasty, granted, but too expensive" concedes one praise, then complains
    assertThat(neg("好吃是好吃，就是太贵了")).isEqualTo(neg("好吃，就是太贵了")).isGreaterThan(0.5);
    assertThat(scorer.score("便宜是便宜，但是太难吃").evidence()).extracting(Evidence::term).containsExactly("便宜", "难吃");
  }

  @Test
  void score_mistakenExpectation_turnsAround() {
    // what the author expected (以为 ...) is what did not happen
    SentimentScore expectedTasty = scorer.score("还以为很好吃呢");
    assertThat(expectedTasty.negativeScore()).isGreaterThan(0.55);
    assertThat(expectedTasty.rules()).contains(Rule.EXPECTATION);
    assertThat(neg("以为会很难吃，没想到挺好吃")).isLessThan(0.45);
    assertThat(neg("本来以为很好吃，结果很难吃")).isGreaterThan(neg("很难吃"));
  }

  @Test
  void score_superlativePraise_isPraiseWhileHadBetterStaysBlocked() {
    // 最好吃 is "the tastiest"; 最好 alone is "had better", which praises nothing
    assertThat(neg("这是我吃过最好吃的一家")).isLessThan(neg("好吃"));
    assertThat(scorer.score("最好不要点").evidence()).isEmpty();
    assertThat(scorer.score("暑假的时候来的").evidence()).isEmpty();
    assertThat(scorer.score("只好吃泡面").evidence()).isEmpty();
  }

  @Test
  void score_rhetoricalQuestion_turnsPraiseIntoComplaint() {
    SentimentScore score = scorer.score("这也叫好吃？");
    assertThat(score.polarity()).isEqualTo(Polarity.NEGATIVE);
    assertThat(score.rules()).contains(Rule.RHETORICAL_QUESTION);
  }

  @Test
  void score_plainQuestion_isNeutral() {
    for (String question : List.of("请问明天营业吗?", "可以开发票吗？", "Do you deliver on Sundays?")) {
      SentimentScore score = scorer.score(question);
      assertThat(score.polarity()).as(question).isEqualTo(Polarity.NEUTRAL);
      assertThat(score.negativeScore()).as(question).isEqualTo(0.5);
    }
  }

  @Test
  void score_questionOverAComplaint_addsToIt() {
    assertThat(neg("怎么这么慢?")).isGreaterThan(neg("怎么这么慢"));
    assertThat(scorer.score("怎么这么慢?").evidence()).extracting(Evidence::term).contains("?");
  }

  @Test
  void score_rhetoricalQuestionOverANegatedPraise_isPraise() {
    for (String praise : List.of("难道不好吃吗？", "谁说不好吃", "哪有不新鲜", "难道不是很好吃吗？")) {
      SentimentScore score = scorer.score(praise);
      assertThat(score.polarity()).as(praise).isEqualTo(Polarity.POSITIVE);
      assertThat(score.rules()).as(praise).contains(Rule.RHETORICAL_QUESTION);
    }
    assertThat(Sentiment.analyzer().build().analyze("谁说不好吃").categories()).isEmpty();
    assertThat(scorer.score("谁说好吃的？").polarity()).isEqualTo(Polarity.NEGATIVE);
    // a refusal is no negated praise, and an exclamation of dismay reverses nothing
    assertThat(scorer.score("难道不给退款吗？").polarity()).isEqualTo(Polarity.NEGATIVE);
    assertThat(scorer.score("什么情况 越来越不好吃了").polarity()).isEqualTo(Polarity.NEGATIVE);
  }

  @Test
  void score_repeatedPunctuation_strengthens() {
    assertThat(neg("难吃！！！")).isGreaterThan(neg("难吃"));
    assertThat(neg("我的饭呢？？？")).isGreaterThan(0.5);
  }

  @Test
  void score_sarcasmCues_turnPraiseIntoComplaint() {
    assertThat(scorer.score("好评！好个屁").polarity()).isEqualTo(Polarity.NEGATIVE);
    SentimentScore score = scorer.score("呵呵…真是太快了");
    assertThat(score.polarity()).isEqualTo(Polarity.NEGATIVE);
    assertThat(score.rules()).contains(Rule.SARCASM);
  }

  @Test
  void score_emojiAndEmoticons_count() {
    assertThat(scorer.score("😡😡👎").polarity()).isEqualTo(Polarity.NEGATIVE);
    assertThat(scorer.score("🤮").polarity()).isEqualTo(Polarity.NEGATIVE);
    assertThat(scorer.score("🙄 差评").polarity()).isEqualTo(Polarity.NEGATIVE);
    assertThat(scorer.score("👍👍").polarity()).isEqualTo(Polarity.POSITIVE);
    assertThat(scorer.score("送到了 :(").polarity()).isEqualTo(Polarity.NEGATIVE);
    assertThat(scorer.score("❤️").polarity()).isEqualTo(Polarity.POSITIVE);
  }

  @Test
  void score_internetSlang() {
    for (String complaint : new String[] {"垃圾", "这家店太坑", "踩雷了", "又翻车了", "纯纯智商税", "避雷", "割韭菜"}) {
      assertThat(scorer.score(complaint).polarity()).as(complaint).isEqualTo(Polarity.NEGATIVE);
    }
    for (String praise : new String[] {"yyds", "绝绝子", "必须回购", "呵呵"}) {
      Polarity expected = praise.equals("呵呵") ? Polarity.NEGATIVE : Polarity.POSITIVE;
      assertThat(scorer.score(praise).polarity()).as(praise).isEqualTo(expected);
    }
  }

  @Test
  void score_slangOfDisappointment_isNegative() {
    for (String text : List.of("我真的会谢", "我真的栓Q了", "一言难尽", "不太行")) {
      assertThat(scorer.score(text).polarity()).as(text).isEqualTo(Polarity.NEGATIVE);
    }
    assertThat(neg("我会谢谢老板的")).isLessThan(0.5);
  }

  @Test
  void score_englishAndMixedText() {
    assertThat(scorer.score("Terrible service, never again").polarity()).isEqualTo(Polarity.NEGATIVE);
    assertThat(scorer.score("not good at all").polarity()).isEqualTo(Polarity.NEGATIVE);
    assertThat(scorer.score("Great food, really delicious").polarity()).isEqualTo(Polarity.POSITIVE);
    assertThat(scorer.score("外卖 so slow，饭都凉了").polarity()).isEqualTo(Polarity.NEGATIVE);
    assertThat(neg("goodness")).isEqualTo(0.5); // words match on word boundaries only
  }

  @Test
  void score_englishNegation_reachesOverADegreeAdverb() {
    assertThat(scorer.score("not very good").polarity()).isEqualTo(Polarity.NEGATIVE);
    assertThat(scorer.score("not really good").polarity()).isEqualTo(Polarity.NEGATIVE);
    assertThat(scorer.score("The noodles were not very good").rules()).contains(Rule.NEGATION);
    assertThat(neg("not very bad")).isLessThan(0.5);
    assertThat(neg("not  good")).isEqualTo(neg("not good"));
  }

  @Test
  void score_englishComparativesAndSetPhrases_haveTheirPolarity() {
    for (String text : List.of("not as good as before", "not recommended", "could be better", "nothing special")) {
      assertThat(scorer.score(text).polarity()).as(text).isEqualTo(Polarity.NEGATIVE);
    }
    for (String text : List.of("highly recommended", "no complaints", "never disappoints", "as good as always")) {
      assertThat(scorer.score(text).polarity()).as(text).isEqualTo(Polarity.POSITIVE);
    }
  }

  @Test
  void score_curlyApostrophe_isAnApostrophe() {
    assertThat(scorer.score("don\u2019t like it").polarity()).isEqualTo(Polarity.NEGATIVE);
    assertThat(neg("don\u2019t like it")).isEqualTo(neg("don't like it"));
    assertThat(neg("It isn\u2018t good")).isEqualTo(neg("It isn't good")).isGreaterThan(0.5);
    assertThat(scorer.score("can't recommend it, wouldn't order again").polarity()).isEqualTo(Polarity.NEGATIVE);
  }

  @Test
  void score_normalisesWidthCaseAndScript() {
    assertThat(neg("ＹＹＤＳ")).isEqualTo(neg("yyds"));
    assertThat(neg("太難吃了，態度還差")).isEqualTo(neg("太难吃了，态度还差"));
    assertThat(neg("难\u0000吃")).isEqualTo(neg("难吃"));
    assertThat(neg("好\u200B吃")).isEqualTo(neg("好吃"));
  }

  @Test
  void score_starRatingCounts() {
    assertThat(scorer.score("还行", StarRating.of(1)).negativeScore()).isGreaterThan(0.8);
    assertThat(scorer.score("还行", StarRating.of(5)).negativeScore()).isLessThan(0.2);
    assertThat(scorer.score("", StarRating.of(2)).rules()).contains(Rule.RATING);
    assertThat(neg("给一星")).isGreaterThan(0.8);
  }

  @Test
  void score_badInput_neverThrows() {
    String huge = "难吃".repeat(5 * 1024 * 1024);
    assertThat(scorer.score(huge).negativeScore()).isBetween(0.0, 1.0);
    assertThat(scorer.score("\uD800abc\uDC00\uDFFF\uD83D").negativeScore()).isBetween(0.0, 1.0);
    byte[] binary = new byte[4096];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i * 31);
    }
    assertThat(scorer.score(new String(binary, java.nio.charset.StandardCharsets.ISO_8859_1)).negativeScore())
        .isBetween(0.0, 1.0);
  }

  @Test
  void score_longText_isScoredOnHeadAndTail() {
    String filler = "的".repeat(5_000);
    assertThat(neg("难吃" + filler + "好吃好吃好吃好吃" + filler + "难吃")).isGreaterThan(0.5);
    assertThat(neg("难吃" + filler + "好吃好吃好吃好吃")).isLessThan(0.5);
  }
}
