package io.github.scrm.sentiment.training;

import java.util.ArrayList;
import java.util.List;

/** Hand-written labelled comments for training tests. */
final class TrainingFixtures {
  private TrainingFixtures() {}

  static final List<String> NEGATIVE = List.of("太难吃了", "送得太慢，饭都凉了", "汤洒了一半", "少送了一份米饭",
      "客服态度很差", "再也不点了", "味道怪怪的", "米饭是夹生的", "等了两个小时", "包装破了", "肉不新鲜", "分量太少了",
      "骑手态度恶劣", "退款一直不到账", "吃完肚子疼", "一股怪味", "辣得没法吃", "面都坨了", "太咸了吃不下", "价格贵量还少");
  static final List<String> POSITIVE = List.of("很好吃", "送餐很快，还是热的", "包装很用心", "分量很足",
      "骑手小哥很热情", "会回购的", "味道正宗", "米饭香软", "准时送达", "性价比很高", "肉很新鲜", "超级好吃",
      "老板很贴心", "退款很快", "吃得很满足", "香喷喷的", "辣得很过瘾", "面很劲道", "咸淡刚好", "便宜量又足");

  static List<LabelledComment> examples(int copies) {
    List<LabelledComment> out = new ArrayList<>();
    for (int c = 0; c < copies; c++) {
      NEGATIVE.forEach(t -> out.add(LabelledComment.ofLabel(t, 0)));
      POSITIVE.forEach(t -> out.add(LabelledComment.ofLabel(t, 1)));
    }
    return out;
  }
}
