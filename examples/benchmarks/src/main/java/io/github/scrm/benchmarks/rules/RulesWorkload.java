package io.github.scrm.benchmarks.rules;

import com.google.common.collect.ImmutableSet;
import io.github.scrm.core.attribute.AttributeCatalogue;
import io.github.scrm.core.attribute.AttributeKey;
import io.github.scrm.core.attribute.AttributeType;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.money.Money;
import io.github.scrm.segmentation.AttributeMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The deterministic generator of the 20-rule workload (see {@code RULES-WORKLOAD.md}), the attributes it maps to and
 * the hand-written reference implementation of the rules.
 */
final class RulesWorkload {

  static final AttributeKey<Long> LAST_PURCHASE_DAYS_AGO = AttributeKey.custom("bench.lastPurchaseDaysAgo",
      AttributeType.LONG, Long.class, "days", "days since the last purchase");
  static final AttributeKey<Long> DAYS_SINCE_SIGNUP = AttributeKey.custom("bench.daysSinceSignup", AttributeType.LONG,
      Long.class, "days", "days since sign-up");
  static final AttributeKey<Long> RECENCY = AttributeKey.custom("bench.recencyScore", AttributeType.LONG, Long.class,
      "score", "R score 1..5");
  static final AttributeKey<Long> FREQUENCY = AttributeKey.custom("bench.frequencyScore", AttributeType.LONG,
      Long.class, "score", "F score 1..5");
  static final AttributeKey<Long> MONETARY = AttributeKey.custom("bench.monetaryScore", AttributeType.LONG, Long.class,
      "score", "M score 1..5");
  static final AttributeCatalogue CATALOGUE = AttributeCatalogue.standard()
      .with(LAST_PURCHASE_DAYS_AGO, DAYS_SINCE_SIGNUP, RECENCY, FREQUENCY, MONETARY);

  static final List<String> RULES = List.of("price_sensitive", "potential_referrer", "tier_A", "tier_B", "tier_C",
      "lapsed", "key_city", "high_value", "kol", "vip_at_risk", "new_customer", "gold_plus", "young_female",
      "silver_ager", "coupon_hunter_no_optin", "high_returner", "social_active", "big_basket", "wechat_engaged",
      "tier1_city_non_member");

  private static final String[] CITIES = {"上海", "北京", "杭州", "广州", "深圳", "成都", "南京", "武汉", "苏州", "重庆",
      "西安", "天津", "长沙"};
  private static final int[] CITY_WEIGHTS = {12, 10, 8, 8, 8, 8, 7, 7, 7, 7, 6, 6, 6};
  private static final String[] TAGS = {"vip", "newsletter", "app_user", "complained", "wechat_bound", "live_viewer",
      "birthday_month"};
  private static final double[] TAG_P = {0.15, 0.40, 0.35, 0.08, 0.45, 0.20, 0.08};

  private RulesWorkload() {}

  static WorkloadProfile profile(long seed, int index) {
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    String city = CITIES[weighted(r, CITY_WEIGHTS)];
    int g = r.nextInt(100);
    String gender = g < 55 ? "F" : g < 95 ? "M" : "U";
    int age = 16 + r.nextInt(60);
    String level = new String[] {"NONE", "SILVER", "GOLD", "PLATINUM"}[weighted(r, new int[] {40, 30, 20, 10})];
    String channel = new String[] {"wechat", "app", "store", "tmall"}[weighted(r, new int[] {35, 25, 25, 15})];
    int orders = (int) Math.floor(Math.exp(4 * r.nextDouble())) - 1;
    int orders90 = Math.min(orders, r.nextInt(orders / 3 + 2));
    long aov = Math.round(Math.exp(3.7 + 2.8 * r.nextDouble()) * 100);
    if (r.nextInt(100) < 4) {
      aov *= 3;
    }
    int last = orders == 0 ? 365 + r.nextInt(365) : r.nextInt(400);
    int discounted = r.nextInt(101);
    int c = r.nextInt(100);
    int coupons = c < 45 ? 0 : c < 65 ? 1 : c < 78 ? 2 : c < 88 ? 3 : c < 94 ? 4 : 5 + r.nextInt(6);
    long followers = (long) Math.floor(Math.pow(r.nextDouble(), 6) * 18000);
    int shares = r.nextInt(3) == 0 ? 0 : r.nextInt(12);
    int comments = r.nextInt(3) == 0 ? 0 : r.nextInt(40);
    int referrals = r.nextDouble() < 0.7 ? 0 : r.nextInt(5);
    int returns = orders90 == 0 ? 0 : r.nextInt(Math.min(orders90, 5) + 1);
    int signup = r.nextInt(10) == 0 ? r.nextInt(31) : r.nextInt(2000);
    boolean optIn = r.nextInt(10) < 7;
    ImmutableSet.Builder<String> tags = ImmutableSet.builder();
    for (int i = 0; i < TAGS.length; i++) {
      if (r.nextDouble() < TAG_P[i]) {
        tags.add(TAGS[i]);
      }
    }
    return new WorkloadProfile(city, gender, age, level, channel, orders, orders90, aov, last, discounted, coupons,
        followers, shares, comments, referrals, returns, signup, optIn, tags.build());
  }

  private static int weighted(SplittableRandom r, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int x = r.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  static AttributeMap attributes(WorkloadProfile p) {
    return AttributeMap.builder()
        .put(StandardAttributes.CITY, p.city)
        .put(StandardAttributes.GENDER, p.gender)
        .put(StandardAttributes.AGE, (long) p.age)
        .put(StandardAttributes.MEMBER_LEVEL, p.memberLevel)
        .put(StandardAttributes.PREFERRED_CHANNEL, p.channel)
        .put(StandardAttributes.ORDERS, (long) p.orderCount)
        .put(StandardAttributes.ORDERS_90D, (long) p.orderCount90d)
        .put(StandardAttributes.AVG_ORDER_VALUE, Money.fen(p.avgOrderValueFen))
        .put(StandardAttributes.SPEND, Money.fen(p.totalSpendFen))
        .put(LAST_PURCHASE_DAYS_AGO, (long) p.lastPurchaseDaysAgo)
        .put(StandardAttributes.DISCOUNTED_SHARE, BigDecimal.valueOf(p.discountedSharePercent, 2))
        .put(StandardAttributes.COUPON_REDEMPTIONS, (long) p.couponRedemptions)
        .put(StandardAttributes.FOLLOWERS, p.followers)
        .put(StandardAttributes.SHARES_30D, (long) p.shares30d)
        .put(StandardAttributes.COMMENTS_30D, (long) p.comments30d)
        .put(StandardAttributes.REFERRALS_QUALIFIED, (long) p.referrals)
        .put(StandardAttributes.REFUNDS_90D, (long) p.returns90d)
        .put(DAYS_SINCE_SIGNUP, (long) p.daysSinceSignup)
        .put(StandardAttributes.MARKETING_OPT_IN, p.optIn)
        .put(RECENCY, (long) p.recencyScore)
        .put(FREQUENCY, (long) p.frequencyScore)
        .put(MONETARY, (long) p.monetaryScore)
        .put(StandardAttributes.TAGS, p.tags)
        .build();
  }

  /** The rules as one hand-written method over plain fields; bit i is rule {@code RULES.get(i)}. */
  static long handWritten(WorkloadProfile p) {
    long b = 0;
    int rfm = p.recencyScore + p.frequencyScore + p.monetaryScore;
    if (p.discountedSharePercent > 60 && p.couponRedemptions >= 3) {
      b |= 1L;
    }
    if (p.referrals >= 2 || (p.shares30d >= 5 && p.followers >= 500)) {
      b |= 1L << 1;
    }
    if (rfm >= 12) {
      b |= 1L << 2;
    } else if (rfm >= 8) {
      b |= 1L << 3;
    } else {
      b |= 1L << 4;
    }
    if (p.lastPurchaseDaysAgo > 180) {
      b |= 1L << 5;
    }
    String city = p.city;
    if (city.equals("上海") || city.equals("杭州")) {
      b |= 1L << 6;
    }
    if (p.totalSpendFen >= 5000_00 && p.orderCount >= 10) {
      b |= 1L << 7;
    }
    if (p.followers >= 10000 || (p.followers >= 2000 && p.comments30d >= 20)) {
      b |= 1L << 8;
    }
    if (p.vip && p.lastPurchaseDaysAgo > 60) {
      b |= 1L << 9;
    }
    if (p.daysSinceSignup <= 30 && p.orderCount <= 1) {
      b |= 1L << 10;
    }
    String level = p.memberLevel;
    if (level.equals("GOLD") || level.equals("PLATINUM")) {
      b |= 1L << 11;
    }
    if (p.gender.equals("F") && p.age >= 18 && p.age <= 30) {
      b |= 1L << 12;
    }
    if (p.age >= 55) {
      b |= 1L << 13;
    }
    if (p.couponRedemptions >= 5 && !p.optIn) {
      b |= 1L << 14;
    }
    if (p.returns90d >= 2 && p.returns90d * 2 >= p.orderCount90d) {
      b |= 1L << 15;
    }
    if (p.shares30d + p.comments30d >= 10 && !p.complained) {
      b |= 1L << 16;
    }
    if (p.avgOrderValueFen > 500_00) {
      b |= 1L << 17;
    }
    if (p.channel.equals("wechat") && p.wechatBound && p.comments30d > 0) {
      b |= 1L << 18;
    }
    if ((city.equals("北京") || city.equals("上海") || city.equals("广州") || city.equals("深圳"))
        && level.equals("NONE")) {
      b |= 1L << 19;
    }
    return b;
  }

  static String resource(String name) {
    try (InputStream in = RulesWorkload.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
