package io.github.scrm.sentiment.internal;

/**
 * Traditional to simplified mapping for the characters that matter to matching: every character of a lexicon term that
 * is written differently in traditional Chinese, with all its traditional forms where one simplified character stands
 * for several (發 and 髮 to 发, 臺 檯 颱 to 台), and common words around them. Each traditional character maps to one
 * simplified character, never the reverse; no key is also a value, so mapping is idempotent.
 */
public final class TraditionalChinese {

  // pairs: traditional, simplified
  static final String PAIRS = "這这個个們们來来時时會会說说對对還还沒没過过點点與与為为麼么麽么麵面讓让給给從从後后門门問问間间開开關关貨货買买"
      + "賣卖價价錢钱貴贵質质隻只塊块實实寶宝衛卫處处務务員员態态應应聽听見见覺觉戲戏歡欢難难壞坏爛烂髒脏臟脏騙骗詐诈訴诉"
      + "號号電电話话語语讀读誤误認认識识謝谢請请調调談谈論论評评證证該该詳详誠诚護护讚赞贊赞愛爱滿满聲声響响氣气熱热涼凉"
      + "濕湿潔洁淨净環环適适優优紅红獎奖贈赠禮礼發发髮发運运輸输遞递飯饭飲饮湯汤魚鱼雞鸡鴨鸭豬猪蝦虾蟲虫蠅蝇蒼苍頭头鹹咸"
      + "鮮鲜膩腻軟软變变黴霉異异醫医腸肠瀉泻嘔呕傷伤檢检驗验險险報报導导記记體体師师訟讼協协費费權权維维舉举隱隐洩泄騷骚"
      + "擾扰資资訊讯虛虚偽伪碼码寬宽長长鬆松緊紧顏颜損损壓压灑洒裝装紙纸膠胶換换賠赔償偿額额錯错餘余煩烦兇凶罵骂覆复複复"
      + "聯联繫系係系絡络遲迟鐘钟兩两單单騎骑達达準准凍冻減减漲涨虧亏勁劲憤愤厭厌討讨噁恶惡恶廢废薦荐譜谱顆颗級级別别樣样"
      + "種种類类嗎吗妳你誰谁幾几並并絕绝決决極极當当確确蠻蛮較较總总經经歷历現现際际雖虽卻却況况縱纵儘尽盡尽須须將将則则"
      + "設设據据連连條条張张雙双臺台檯台颱台輛辆場场頓顿陣阵層层帶带區区縣县鄉乡鎮镇橋桥樓楼廳厅廚厨廁厕燈灯牆墙櫃柜鏡镜"
      + "圖图畫画書书筆笔雜杂誌志網网頁页帳账戶户機机腦脑視视頻频聞闻車车飛飞鐵铁輪轮隊队線线東东邊边裡里裏里內内側侧週周"
      + "於于劃划歲岁鬧闹癢痒瘋疯傳传貼贴館馆飽饱餓饿餵喂餅饼餃饺麥麦醬酱醃腌糰团鵝鹅鴿鸽蔥葱蘿萝蔔卜劑剂藥药療疗搶抢擊击"
      + "罰罚懲惩構构廠厂產产業业專专團团貓猫狀状勞劳嚴严厲厉糾纠紛纷訂订購购規规範范標标億亿萬万圓圆縮缩稱称謊谎誇夸佔占"
      + "欄栏隨随親亲"
      + "稅税乾干幹干鍋锅鬱郁悶闷憂忧嘆叹顧顾慮虑舊旧簡简陳陈溫温闊阔齊齐靜静幫帮棄弃驚惊豔艳艷艳盤盘紮扎離离無无盜盗斷断繼继續续負负節节夠够兒儿絲丝僅仅衝冲燒烧餿馊燙烫監监竊窃嗚呜憑凭兌兑賬账積积誘诱織织褲裤襪袜數数彆别嚐尝蟻蚁滷卤燉炖觸触緒绪穩稳獲获擔担憊惫"
      // every remaining lexicon character with a distinct traditional form, one-to-many cases included
      + "箇个豐丰爲为麗丽樂乐亂乱倆俩興兴湊凑剛刚勸劝動动華华臥卧祇只喫吃嚥咽噠哒噴喷迴回備备復复夾夹姦奸媽妈賓宾併并彈弹強强歸归噹当憐怜懇恳懶懒纔才釦扣掃扫擇择摻掺擺摆敵敌顯显槓杠闆板檔档殘残汙污溝沟註注潑泼窪洼濃浓漬渍溼湿潰溃"
      + "滾滚煙烟菸烟燜焖瑪玛暢畅癮瘾皺皱著着窮穷綫线細细結结綜综恥耻脅胁脫脱臉脸騰腾羶膻緻致螄蛳議议講讲許许説说諾诺諉诿責责敗败賊贼賴赖進进遠远跡迹蹟迹選选遺遗鍾钟鏽锈銹锈麪面順顺預预題题風风饞馋馬马鷄鸡龍龙";

  private static final char[] TABLE = new char[65536];

  static {
    for (int c = 0; c < TABLE.length; c++) {
      TABLE[c] = (char) c;
    }
    for (int i = 0; i + 1 < PAIRS.length(); i += 2) {
      TABLE[PAIRS.charAt(i)] = PAIRS.charAt(i + 1);
    }
  }

  private TraditionalChinese() {}

  /** The simplified form of a BMP character, or the character itself. */
  public static char toSimplified(char c) {
    return TABLE[c];
  }
}
