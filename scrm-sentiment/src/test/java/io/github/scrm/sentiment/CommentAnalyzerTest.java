package io.github.scrm.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

final class CommentAnalyzerTest {

  private final CommentAnalyzer analyzer = Sentiment.analyzer().build();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "等了两个多小时才送到，饭都凉了 | delivery_speed",
      "衣服质量太差，穿一次就开线了 | quality_defect",
      "这是假货吧，和专柜的完全不一样 | counterfeit",
      "少送了一份米饭，还送错了饮料 | wrong_missing_item",
      "汤洒了一袋子，包装破损 | packaging_damage",
      "肉不新鲜，有股腥味 | taste_freshness",
      "鞋子尺码不准，偏小一码 | size_fit",
      "这么点东西卖这么贵，不值 | price_value",
      "客服态度恶劣，爱答不理 | service_attitude",
      "申请退款三天了还没退 | refund_return",
      "优惠券用不了，满减也没减 | coupon_promotion",
      "说好的赠品一直没发 | reward_not_delivered",
      "饭里吃出一只苍蝇 | hygiene_food_safety",
      "吃完就拉肚子，还过敏了 | health_injury_allergy",
      "我的个人信息被泄露了，天天接到骚扰电话 | privacy",
  })
  void analyze_findsEachIssueCategoryWithItsTriggers(String text, String category) {
    CommentAnalysis analysis = analyzer.analyze(text);
    assertThat(analysis.categoryIds()).contains(category);
    CategoryMatch match = analysis.categories().stream()
        .filter(m -> m.category().id().equals(category)).findFirst().orElseThrow();
    assertThat(match.triggers()).isNotEmpty().allSatisfy(t -> assertThat(text).contains(t));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "這家店用地溝油炒菜，太噁心了 | 这家店用地沟油炒菜，太恶心了",
      "外賣平臺亂收費，包裝費比菜還貴 | 外卖平台乱收费，包装费比菜还贵",
      "蜂蜜是摻假的，根本不是純的 | 蜂蜜是掺假的，根本不是纯的",
      "質量問題一大堆，客服還互相推諉 | 质量问题一大堆，客服还互相推诿",
      "說好的贈品沒發，責任全推給騎手 | 说好的赠品没发，责任全推给骑手",
      "送餐太慢了，等了兩個多小時，飯裡還有頭髮 | 送餐太慢了，等了两个多小时，饭里还有头发",
      "菸味很重，床單有汙漬，衛生太差 | 烟味很重，床单有污渍，卫生太差",
  })
  void analyze_traditionalComplaint_matchesItsSimplifiedForm(String traditional, String simplified) {
    CommentAnalysis t = analyzer.analyze(traditional);
    CommentAnalysis s = analyzer.analyze(simplified);
    assertThat(s.severity()).isIn(Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL);
    assertThat(t.categoryIds()).isEqualTo(s.categoryIds());
    assertThat(t.severity()).isEqualTo(s.severity());
    assertThat(t.score().negativeScore()).isEqualTo(s.score().negativeScore());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "菜量足，味道好，差评是刷的",
      "很好吃，那些差评都是刷的吧",
      "别信那些刷的差评，这家真的好吃",
  })
  void analyze_defendingTheShopAgainstFakeBadReviews_isPraiseWithoutFraud(String text) {
    CommentAnalysis analysis = analyzer.analyze(text);
    assertThat(analysis.categoryIds()).doesNotContain("fraud");
    assertThat(analysis.severity()).isEqualTo(Severity.NONE);
    assertThat(analysis.score().polarity()).isEqualTo(Polarity.POSITIVE);
  }

  @Test
  void analyze_fakeGoodReviews_stayFraud() {
    assertThat(analyzer.analyze("好评都是刷的，东西根本不能用").categoryIds()).contains("fraud");
  }

  @Test
  void analyze_safetyHealthAndLegalThreats_areCritical() {
    for (String text : List.of("吃出蟑螂了", "吃了你们的菜食物中毒住院了", "卖假货，我要打12315投诉", "再不处理我就找媒体曝光",
        "已经找律师准备起诉", "骗子商家，诈骗")) {
      CommentAnalysis analysis = analyzer.analyze(text);
      assertThat(analysis.severity()).as(text).isEqualTo(Severity.CRITICAL);
      assertThat(analysis.severityReason()).startsWith("critical: ");
    }
  }

  @Test
  void analyze_phoneNumberContainingAHotline_isNoThreat() {
    CommentAnalysis praise = analyzer.analyze("很好吃，有问题打我电话13812315678");
    assertThat(praise.categories()).isEmpty();
    assertThat(praise.severity()).isEqualTo(Severity.NONE);
    assertThat(analyzer.analyze("再不处理我就打12315").severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void analyze_praiseThatMentionsLawyersOrTheMedia_isNoThreat() {
    for (String text : List.of("朋友是律师，推荐的这家，很好吃", "看了媒体报道专门来吃，果然好吃", "上过电视被记者采访过的老店，味道很好",
        "My lawyer friend recommended it, really good")) {
      CommentAnalysis analysis = analyzer.analyze(text);
      assertThat(analysis.categoryIds()).as(text).doesNotContain("legal_media_threat");
      assertThat(analysis.severity()).as(text).isEqualTo(Severity.NONE);
      assertThat(analysis.score().polarity()).as(text).isEqualTo(Polarity.POSITIVE);
    }
  }

  @Test
  void analyze_threatsThatNameLawyersOrTheMedia_areCritical() {
    for (String text : List.of("态度这么差，我要找记者曝光你们", "吃坏肚子了，已经请律师了", "不给退款就上法院见")) {
      CommentAnalysis analysis = analyzer.analyze(text);
      assertThat(analysis.categoryIds()).as(text).contains("legal_media_threat");
      assertThat(analysis.severity()).as(text).isEqualTo(Severity.CRITICAL);
    }
  }

  @Test
  void analyze_commentThatScoresPositive_isNeverCritical() {
    CommentAnalysis mixed = analyzer.analyze("菜很好吃，环境很好，服务很热情，就是有一根头发");
    assertThat(mixed.score().polarity()).isEqualTo(Polarity.POSITIVE);
    assertThat(mixed.categoryIds()).contains("hygiene_food_safety");
    assertThat(mixed.severity()).isEqualTo(Severity.HIGH);
    assertThat(mixed.severityReason()).startsWith("high: Hygiene or food safety (头发)");
    CommentAnalyzer positiveHost = Sentiment.analyzer()
        .scorer(text -> SentimentScore.of(0.2, List.of(), java.util.Set.of())).build();
    assertThat(positiveHost.analyze("饭里有头发").severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void analyze_moneyLostRudeServiceAndMissingRewards_areHigh() {
    for (String text : List.of("商家拒绝退款", "客服态度极差还骂人", "说好的赠品到现在都没收到赠品", "多扣了我二十块钱")) {
      assertThat(analyzer.analyze(text).severity()).as(text).isEqualTo(Severity.HIGH);
    }
  }

  @Test
  void analyze_refundOrReplyThatNeverCame_isAHighComplaint() {
    for (String text : List.of("到现在还没有退款", "一直没退款", "没有赔偿", "客服一直没有回复", "still no refund after two weeks",
        "no reply from customer service")) {
      CommentAnalysis analysis = analyzer.analyze(text);
      assertThat(analysis.score().polarity()).as(text).isEqualTo(Polarity.NEGATIVE);
      assertThat(analysis.severity()).as(text).isEqualTo(Severity.HIGH);
    }
    assertThat(analyzer.analyze("没有退款").categoryIds()).containsExactly("refund_return");
  }

  @Test
  void analyze_englishWrongOrMissingItem_isMedium() {
    for (String text : List.of("wrong item delivered", "my order never arrived")) {
      CommentAnalysis analysis = analyzer.analyze(text);
      assertThat(analysis.categoryIds()).as(text).containsExactly("wrong_missing_item");
      assertThat(analysis.severity()).as(text).isEqualTo(Severity.MEDIUM);
    }
  }

  @Test
  void analyze_commonWordingsOfSeriousComplaints_getTheirSeverity() {
    for (String text : List.of("吃完上吐下泻", "孩子吃了起疹子", "我要报警", "准备打12345投诉", "等着吃官司吧", "外卖被骑手偷吃了")) {
      assertThat(analyzer.analyze(text).severity()).as(text).isEqualTo(Severity.CRITICAL);
    }
    for (String text : List.of("骑手骂我", "店员骂顾客")) {
      assertThat(analyzer.analyze(text).categoryIds()).as(text).startsWith("service_attitude");
    }
    for (String text : List.of("送来的饭是冷的", "商家自己点了送达")) {
      assertThat(analyzer.analyze(text).categoryIds()).as(text).containsExactly("delivery_speed");
    }
    assertThat(analyzer.analyze("有股怪味").categoryIds()).containsExactly("taste_freshness");
    assertThat(analyzer.analyze("很好吃，电话13812345678").severity()).isEqualTo(Severity.NONE);
  }

  @Test
  void analyze_defectsDelaysAndWrongItems_areMedium() {
    for (String text : List.of("送得太慢了", "杯子是坏的", "送错了")) {
      assertThat(analyzer.analyze(text).severity()).as(text).isEqualTo(Severity.MEDIUM);
    }
  }

  @Test
  void analyze_mildDissatisfaction_isLowAndPraiseIsNone() {
    assertThat(analyzer.analyze("有点咸").severity()).isEqualTo(Severity.LOW);
    assertThat(analyzer.analyze("一般般吧").severity()).isEqualTo(Severity.LOW);
    CommentAnalysis praise = analyzer.analyze("很好吃，送得也快");
    assertThat(praise.severity()).isEqualTo(Severity.NONE);
    assertThat(praise.categories()).isEmpty();
    assertThat(analyzer.analyze("没有任何问题").severity()).isEqualTo(Severity.NONE);
  }

  @Test
  void analyze_mixedReviewWithARealComplaint_stillSurfacesIt() {
    CommentAnalysis analysis = analyzer.analyze("好吃，就是送得太慢");
    assertThat(analysis.categoryIds()).containsExactly("delivery_speed");
    assertThat(analysis.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(analysis.severityReason()).isEqualTo("medium: Delivery speed (太慢)");
  }

  @Test
  void analyze_lineBreak_endsAClauseLikeAComma() {
    CommentAnalysis comma = analyzer.analyze("客服态度很好，配送太慢了");
    for (String text : List.of("客服态度很好\n配送太慢了", "客服态度很好\r\n配送太慢了", "客服态度很好\u2028配送太慢了")) {
      CommentAnalysis lines = analyzer.analyze(text);
      assertThat(lines.categoryIds()).as(text).containsExactly("delivery_speed");
      assertThat(lines.severity()).as(text).isEqualTo(Severity.MEDIUM).isEqualTo(comma.severity());
    }
  }

  @Test
  void analyze_intensifyingHaoBeforeAComplaint_namesTheTopicsCategory() {
    CommentAnalysis service = analyzer.analyze("服务态度好差");
    assertThat(service.categoryIds()).containsExactly("service_attitude");
    assertThat(service.severity()).isEqualTo(Severity.HIGH);
    assertThat(analyzer.analyze("服务好差").categoryIds()).containsExactly("service_attitude");
    assertThat(analyzer.analyze("质量好差，穿一次就起球").categoryIds()).contains("quality_defect");
    assertThat(analyzer.analyze("服务好，质量好").categories()).isEmpty();
  }

  @Test
  void analyze_praiseOfATopic_isNoComplaint() {
    assertThat(analyzer.analyze("客服很耐心，退款很快").categories()).isEmpty();
    assertThat(analyzer.analyze("送得不慢").categories()).isEmpty();
  }

  @Test
  void analyze_withAHostScorer_takesNegativityFromItAndCategoriesFromTheLexicon() {
    CommentAnalyzer custom = Sentiment.analyzer().scorer(text -> SentimentScore.of(0.99, List.of(), java.util.Set.of()))
        .build();
    CommentAnalysis analysis = custom.analyze("饭里有头发");
    assertThat(analysis.score().negativeScore()).isEqualTo(0.99);
    assertThat(analysis.severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void analyze_severityOrdersCategoriesMostSevereFirst() {
    CommentAnalysis analysis = analyzer.analyze("送得太慢，而且饭里有头发");
    assertThat(analysis.categoryIds()).startsWith("hygiene_food_safety");
    assertThat(analysis.severityReason()).contains("also Delivery speed");
  }
}
