package io.github.scrm.sentiment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.sentiment.Lexicon;
import io.github.scrm.sentiment.LexiconEntry;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

final class TraditionalChineseTest {

  /**
   * Each lexicon character that is written differently in traditional Chinese, followed by its traditional forms
   * (all of them where one simplified character stands for several: 发 發 髮, 台 臺 檯 颱, 干 乾 幹 ...). Written from
   * the standard correspondences, independently of {@link TraditionalChinese#PAIRS}, so a gap in the table shows.
   */
  private static final String TRADITIONAL_FORMS = ""
      + "万萬 与與 专專 业業 两兩 个個箇 丰豐 为為爲 丽麗 举舉 么麼麽 乐樂 买買 乱亂 于於 产產 亲親 仅僅 从從 们們 价價 优優 会會 传傳 伤傷 体體 俩倆 偿償 儿兒 兑兌 关關 "
      + "兴興 况況 净淨 准準 凉涼 减減 凑湊 几幾 凭憑 凶兇 划劃 刚剛 别別彆 劝勸 务務 动動 劲勁 医醫 华華 协協 单單 卖賣 卧臥 卫衛 却卻 厉厲 压壓 发發髮 变變 只隻祇 "
      + "台臺檯颱 号號 吃喫 后後 吗嗎 呕嘔 员員 周週 咸鹹 咽嚥 哒噠 喷噴 回迴 团團糰 图圖 场場 坏壞 处處 备備 复復複覆 够夠 头頭 夹夾 奖獎 奸姦 妈媽 实實 宽寬 宾賓 对對 尽盡儘 "
      + "师師 干乾幹 并並併 应應 开開 异異 弹彈 强強 归歸 当當噹 态態 怜憐 总總 恳懇 恶惡噁 惊驚 愤憤 懒懶 才纔 扣釦 扫掃 扰擾 报報 择擇 损損 换換 掺摻 摆擺 敌敵 数數 断斷 "
      + "无無 旧舊 时時 显顯 机機 杂雜 权權 杠槓 条條 来來 板闆 极極 标標 样樣 档檔 楼樓 欢歡 残殘 气氣 汤湯 污汙 沟溝 没沒 泄洩 注註 泻瀉 泼潑 洁潔 洒灑 洼窪 浓濃 涨漲 "
      + "渍漬 温溫 湿濕溼 溃潰 滚滾 满滿 点點 烂爛 烟煙菸 烦煩 烫燙 热熱 焖燜 爱愛 猪豬 猫貓 玛瑪 环環 现現 电電 畅暢 瘾癮 皱皺 监監 盗盜 着著 码碼 礼禮 离離 积積 称稱 "
      + "税稅 穷窮 简簡 系係繫 红紅 级級 线線綫 细細 经經 结結 给給 绝絕 继繼 续續 维維 综綜 缩縮 网網 耻恥 联聯 肠腸 胁脅 脏髒臟 脱脫 脸臉 腻膩 腾騰 膻羶 致緻 艳艷豔 苍蒼 "
      + "范範 荐薦 虚虛 虫蟲 虾蝦 蛮蠻 蛳螄 蝇蠅 装裝 见見 规規 视視 觉覺 订訂 认認 议議 记記 讲講 许許 论論 设設 评評 诈詐 诉訴 诚誠 话話 语語 误誤 说說説 请請 诺諾 诿諉 "
      + "谁誰 调調 谢謝 谱譜 负負 责責 败敗 账賬帳 货貨 质質 购購 贴貼 贵貴 费費 贼賊 赔賠 赖賴 赞讚贊 赠贈 车車 软軟 较較 过過 达達 还還 这這 进進 远遠 迟遲 迹跡蹟 适適 选選 "
      + "递遞 遗遺 郁鬱 里裡裏 钟鐘鍾 钱錢 锅鍋 锈鏽銹 错錯 长長 问問 间間 闷悶 闹鬧 闻聞 陈陳 隐隱 难難 霉黴 静靜 面麵麪 顺順 顾顧 顿頓 预預 颗顆 题題 颜顏 风風 飞飛 饭飯 "
      + "饮飲 饱飽 饿餓 馊餿 馋饞 马馬 骂罵 骑騎 骗騙 骚騷 鱼魚 鲜鮮 鸡雞鷄 鸭鴨 鸽鴿 齐齊 龙龍";

  /**
   * The lexicon characters written the same in both scripts. Variants used only in other senses are left out on
   * purpose: 瞭 (瞭解) for 了, 傢 (傢俱) for 家, 藉 for 借, 痠 for 酸, 嚮 (嚮往) for 向.
   */
  private static final String SAME_IN_BOTH = ""
      + "一三上下不中串久之乎乘也了事二五些交享亮人什仔他付以任份仿但位低住何你使便保信修俱倒候借值假偏做停偷催傻像僻充光免入全公兮其具再冒冤冰冷出分切利到刷券刺前剔剩割力加劣勉包化十千半卡"
      + "即卸原去又及友取受口叫可合吐吞吵告味呵呸品哈哥哦哪哼售商啊啥善喇喜喝噪噱嚼囧在地圾址坑坨垃垮堵境墨外多夜大天太失奇套奶好如妹姐威婆媒嫩子安完宗宜客宣宰害家容富寒寡寨小少尚就尺尼屁居屎"
      + "山崩工巨差巴市常店度廉延建弄形影往很律得微心必忍忒忘快忽怎怒思性怨恭息悔悠情惜惠想愉意感愧慢憾成我所扁手打扔扯找承抓投抱押抽拆拉拌拒拖拿持按挑挺捷掉排接推描提搞搭摔撒支收放故效敏敞"
      + "敢敬整敷文料斤新方施旅既日早明易星是晚晦晰智暑暖曝更最有服望期未本枉果柔柳柴根格桶梅棒椒榨槽次欺款正此歧死毒比毛毫水求沉沙油法泡活流浪浴海消淡清渣港滑漂漆漏漠漫潮火灰烈焦然熟爹爽片"
      + "版牌牙牛物特狂狗率王玩玻球理瑕璃甜生用甩甲申略疵疼病痕痛瘦白百的皮盒盛直相省看真眼睡知短石破硌硬碎磨神票秀私稍空穿竟笑符等筋答筷算管粉粗精糊糕糙糟糯累缺置美翻老者而耐肉肚肥胃胯能脆"
      + "腐腥腩腹臭至舒般良色花苦菇菜葩薄虎蚊蛋蛙螂螺蟑血行衍衰被裂褪要解言豆象豪貌走起超越足跑距路踢踩蹭身辛辣辱迅返述退送透通速逸逼道避那都鄙配酒酥酸醉醛野量金陋限院隔障零雷露霸非靠韭音食"
      + "餐首香馨高鬼麻黑鼻齁函向司官怪疹警拴栓";

  private static Map<Character, String> traditionalForms() {
    Map<Character, String> forms = new HashMap<>();
    for (String group : TRADITIONAL_FORMS.split(" ")) {
      forms.put(group.charAt(0), group.substring(1));
    }
    return forms;
  }

  @Test
  void everyLexiconTerm_hasEachTraditionalFormOfItsCharactersNormalised() {
    Map<Character, String> forms = traditionalForms();
    Set<String> problems = new TreeSet<>();
    for (LexiconEntry entry : Lexicon.builtIn().entries()) {
      for (char c : entry.term().toCharArray()) {
        if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
          continue;
        }
        String traditional = forms.get(c);
        if (traditional == null) {
          if (SAME_IN_BOTH.indexOf(c) < 0) {
            problems.add(c + " (in " + entry.term() + ") is in neither list of this test: classify it");
          }
          continue;
        }
        for (char t : traditional.toCharArray()) {
          if (TraditionalChinese.toSimplified(t) != c) {
            problems.add(t + " should normalise to " + c + " (in " + entry.term() + ") but gives "
                + TraditionalChinese.toSimplified(t));
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void simplifiedLexiconCharacters_normaliseToThemselves() {
    Set<Character> changed = new TreeSet<>();
    for (char c : (SAME_IN_BOTH + TRADITIONAL_FORMS.replaceAll("(\\S)\\S*", "$1")).toCharArray()) {
      if (c != ' ' && TraditionalChinese.toSimplified(c) != c) {
        changed.add(c);
      }
    }
    assertThat(changed).isEmpty();
  }
}
