package io.github.scrm.benchmarks.sentiment;

import io.github.scrm.sentiment.training.LabelledComment;
import java.util.ArrayList;
import java.util.List;

/** Hand-written comments of about 30 characters, and labelled variants for training. */
final class BenchmarkComments {

  static final List<String> NEGATIVE = List.of(
      "送餐太慢了，等了一个多小时才送到，饭都凉了，差评",
      "味道一般般，量也少，这个价格真的不值，不会再点了",
      "汤洒了一袋子，包装太差，联系客服也没人回复，失望",
      "少送了一份米饭，打电话给商家也不接，态度很差",
      "吃完肚子疼了一晚上，怀疑食材不新鲜，要求退款",
      "客服态度恶劣，退款申请三天了还没处理，太过分了",
      "衣服质量太差，洗了一次就掉色起球，和图片完全不一样",
      "说好的赠品一直没发，问了好几次都在敷衍，骗子吧",
      "饭里吃出一根头发，太恶心了，商家还不承认，投诉",
      "呵呵…真是太快了，两个小时才送到，好评！好个屁");
  static final List<String> POSITIVE = List.of(
      "很好吃，分量很足，送餐也快，骑手小哥态度很好，好评",
      "味道正宗，包装用心，还是热乎的，会回购的，推荐",
      "性价比很高，肉很新鲜，米饭香软，下次还会再点",
      "衣服质量不错，尺码合适，物流很快，客服很耐心",
      "老板很贴心，备注的要求都做到了，五星好评yyds",
      "不是不好吃，就是稍微有点咸，总体还是满意的",
      "送餐准时，饭菜可口，价格实惠，一如既往的好吃",
      "第二次点了，还是那么好吃，分量足，绝绝子👍👍",
      "包装很精致，味道也很好，孩子很喜欢吃，点赞",
      "服务周到，环境干净整洁，交通方便，值得推荐");

  private BenchmarkComments() {}

  static List<String> all() {
    List<String> out = new ArrayList<>(NEGATIVE);
    out.addAll(POSITIVE);
    return out;
  }

  /** {@code n} labelled comments built by joining two or three pool comments' clauses. */
  static List<LabelledComment> training(int n) {
    List<LabelledComment> out = new ArrayList<>(n);
    for (int i = 0; out.size() < n; i++) {
      boolean negative = (i & 1) == 0;
      List<String> pool = negative ? NEGATIVE : POSITIVE;
      String a = pool.get(i % pool.size());
      String b = pool.get((i / 7 + 3) % pool.size());
      String[] clausesA = a.split("，");
      String[] clausesB = b.split("，");
      String text = clausesA[i % clausesA.length] + "，" + clausesB[(i / 3) % clausesB.length] + "，" + (i % 97);
      out.add(new LabelledComment(text, negative));
    }
    return out;
  }
}
