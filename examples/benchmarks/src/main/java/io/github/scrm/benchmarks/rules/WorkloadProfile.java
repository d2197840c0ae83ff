package io.github.scrm.benchmarks.rules;

import com.google.common.collect.ImmutableSet;
import java.util.Set;

/**
 * One synthetic profile of the rules workload as plain fields (what hand-written Java, SpEL and MVEL read). Public
 * getters because SpEL's compiler and MVEL need them.
 */
public final class WorkloadProfile {
  final String city;
  final String gender;
  final int age;
  final String memberLevel;
  final String channel;
  final int orderCount;
  final int orderCount90d;
  final long avgOrderValueFen;
  final long totalSpendFen;
  final int lastPurchaseDaysAgo;
  final int discountedSharePercent;
  final int couponRedemptions;
  final long followers;
  final int shares30d;
  final int comments30d;
  final int referrals;
  final int returns90d;
  final int daysSinceSignup;
  final boolean optIn;
  final int recencyScore;
  final int frequencyScore;
  final int monetaryScore;
  final ImmutableSet<String> tags;
  final boolean vip;
  final boolean complained;
  final boolean wechatBound;

  WorkloadProfile(String city, String gender, int age, String memberLevel, String channel, int orderCount,
      int orderCount90d, long avgOrderValueFen, int lastPurchaseDaysAgo, int discountedSharePercent,
      int couponRedemptions, long followers, int shares30d, int comments30d, int referrals, int returns90d,
      int daysSinceSignup, boolean optIn, ImmutableSet<String> tags) {
    this.city = city;
    this.gender = gender;
    this.age = age;
    this.memberLevel = memberLevel;
    this.channel = channel;
    this.orderCount = orderCount;
    this.orderCount90d = orderCount90d;
    this.avgOrderValueFen = avgOrderValueFen;
    this.totalSpendFen = orderCount * avgOrderValueFen;
    this.lastPurchaseDaysAgo = lastPurchaseDaysAgo;
    this.discountedSharePercent = discountedSharePercent;
    this.couponRedemptions = couponRedemptions;
    this.followers = followers;
    this.shares30d = shares30d;
    this.comments30d = comments30d;
    this.referrals = referrals;
    this.returns90d = returns90d;
    this.daysSinceSignup = daysSinceSignup;
    this.optIn = optIn;
    this.recencyScore = lastPurchaseDaysAgo <= 14 ? 5 : lastPurchaseDaysAgo <= 45 ? 4
        : lastPurchaseDaysAgo <= 90 ? 3 : lastPurchaseDaysAgo <= 180 ? 2 : 1;
    this.frequencyScore = orderCount >= 20 ? 5 : orderCount >= 10 ? 4 : orderCount >= 5 ? 3 : orderCount >= 2 ? 2 : 1;
    this.monetaryScore = totalSpendFen >= 8000_00 ? 5 : totalSpendFen >= 3000_00 ? 4 : totalSpendFen >= 1000_00 ? 3
        : totalSpendFen >= 200_00 ? 2 : 1;
    this.tags = tags;
    this.vip = tags.contains("vip");
    this.complained = tags.contains("complained");
    this.wechatBound = tags.contains("wechat_bound");
  }

  public String getCity() {
    return city;
  }

  public String getGender() {
    return gender;
  }

  public int getAge() {
    return age;
  }

  public String getMemberLevel() {
    return memberLevel;
  }

  public String getChannel() {
    return channel;
  }

  public int getOrderCount() {
    return orderCount;
  }

  public int getOrderCount90d() {
    return orderCount90d;
  }

  public double getAvgOrderValue() {
    return avgOrderValueFen / 100.0;
  }

  public double getTotalSpend() {
    return totalSpendFen / 100.0;
  }

  public int getLastPurchaseDaysAgo() {
    return lastPurchaseDaysAgo;
  }

  public double getDiscountedOrderShare() {
    return discountedSharePercent / 100.0;
  }

  public int getCouponRedemptions() {
    return couponRedemptions;
  }

  public long getFollowers() {
    return followers;
  }

  public int getShares30d() {
    return shares30d;
  }

  public int getComments30d() {
    return comments30d;
  }

  public int getReferrals() {
    return referrals;
  }

  public int getReturns90d() {
    return returns90d;
  }

  public int getDaysSinceSignup() {
    return daysSinceSignup;
  }

  public boolean isOptIn() {
    return optIn;
  }

  public int getRecencyScore() {
    return recencyScore;
  }

  public int getFrequencyScore() {
    return frequencyScore;
  }

  public int getMonetaryScore() {
    return monetaryScore;
  }

  public Set<String> getTags() {
    return tags;
  }
}
