package io.github.scrm.core.attribute;

import static io.github.scrm.core.attribute.AttributeKey.standard;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.github.scrm.core.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The standard attribute catalogue: every profile field and metric of scrm-core that rules may read. Windowed metrics
 * ({@code .7d}, {@code .30d}, ...) count events whose occurred-at lies in the window ending at the evaluation instant.
 * The full table with units is in {@code docs/attribute-catalogue.md}.
 */
public final class StandardAttributes {

  private StandardAttributes() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final Class<ImmutableSet<String>> SET = (Class) ImmutableSet.class;

  // ---- profile fields
  /** When the customer became a member (joining needs no purchase: a follower is a member). */
  public static final AttributeKey<Instant> MEMBER_SINCE =
      standard("profile.memberSince", AttributeType.INSTANT, Instant.class, "", "when the customer became a member");
  /** Current member level (host-defined names such as NONE, SILVER, GOLD, PLATINUM). */
  public static final AttributeKey<String> MEMBER_LEVEL =
      standard("profile.memberLevel", AttributeType.STRING, String.class, "", "current member level");
  /** Gender: F, M or U (unknown). */
  public static final AttributeKey<String> GENDER =
      standard("profile.gender", AttributeType.STRING, String.class, "", "gender: F, M or U");
  /** Birthday (personal data; rules read it through birthday functions). */
  public static final AttributeKey<LocalDate> BIRTHDAY =
      standard("profile.birthday", AttributeType.DATE, LocalDate.class, "", "birthday");
  /** Age in whole years at the evaluation instant, from the birthday. */
  public static final AttributeKey<Long> AGE =
      standard("profile.age", AttributeType.LONG, Long.class, "years", "age in whole years at the evaluation instant");
  /** Age band such as {@code 18-24}, {@code 25-34}, from the birthday or as supplied by the host. */
  public static final AttributeKey<String> AGE_BAND =
      standard("profile.ageBand", AttributeType.STRING, String.class, "", "age band such as 25-34");
  /** City. */
  public static final AttributeKey<String> CITY =
      standard("profile.city", AttributeType.STRING, String.class, "", "city");
  /** Region or province. */
  public static final AttributeKey<String> REGION =
      standard("profile.region", AttributeType.STRING, String.class, "", "region or province");
  /** The channel the customer registered through (wechat, douyin, store, app, ...). */
  public static final AttributeKey<String> REGISTRATION_CHANNEL =
      standard("profile.registrationChannel", AttributeType.STRING, String.class, "", "registration channel");
  /** Manual, imported and rule tags currently on the profile. */
  public static final AttributeKey<ImmutableSet<String>> TAGS =
      standard("profile.tags", AttributeType.STRING_SET, SET, "", "tags currently on the profile");
  /** Id of the staff member who owns the customer. */
  public static final AttributeKey<String> OWNER_STAFF =
      standard("profile.staff", AttributeType.STRING, String.class, "", "id of the owning staff member");
  /** PIPL art. 24: the customer refused personalised marketing. Every module honours it. */
  public static final AttributeKey<Boolean> NO_PERSONALISED_MARKETING = standard("profile.noPersonalisedMarketing",
      AttributeType.BOOLEAN, Boolean.class, "", "customer refused personalised marketing (PIPL art. 24)");
  /** Whether the customer consented to marketing on at least one channel. */
  public static final AttributeKey<Boolean> MARKETING_OPT_IN = standard("consent.marketing", AttributeType.BOOLEAN,
      Boolean.class, "", "granted marketing consent on at least one channel");

  // ---- purchases
  /** Instant of the last purchase. */
  public static final AttributeKey<Instant> LAST_PURCHASE =
      standard("purchase.last", AttributeType.INSTANT, Instant.class, "", "instant of the last purchase");
  /** Orders ever placed (refunded orders still count). */
  public static final AttributeKey<Long> ORDERS = standard("orders.count", AttributeType.LONG, Long.class, "orders",
      "orders ever placed");
  /** Orders in the last 30 days. */
  public static final AttributeKey<Long> ORDERS_30D =
      standard("orders.count.30d", AttributeType.LONG, Long.class, "orders", "orders in the last 30 days");
  /** Orders in the last 90 days. */
  public static final AttributeKey<Long> ORDERS_90D =
      standard("orders.count.90d", AttributeType.LONG, Long.class, "orders", "orders in the last 90 days");
  /** Orders in the last 180 days. */
  public static final AttributeKey<Long> ORDERS_180D =
      standard("orders.count.180d", AttributeType.LONG, Long.class, "orders", "orders in the last 180 days");
  /** Orders in the last 365 days. */
  public static final AttributeKey<Long> ORDERS_365D =
      standard("orders.count.365d", AttributeType.LONG, Long.class, "orders", "orders in the last 365 days");
  /** Paid total, net of refunds. */
  public static final AttributeKey<Money> SPEND =
      standard("spend.total", AttributeType.MONEY, Money.class, "fen", "paid total net of refunds");
  /** Paid total in the last 30 days, net of refunds of those orders. */
  public static final AttributeKey<Money> SPEND_30D =
      standard("spend.total.30d", AttributeType.MONEY, Money.class, "fen", "paid total in the last 30 days");
  /** Paid total in the last 90 days. */
  public static final AttributeKey<Money> SPEND_90D =
      standard("spend.total.90d", AttributeType.MONEY, Money.class, "fen", "paid total in the last 90 days");
  /** Paid total in the last 180 days. */
  public static final AttributeKey<Money> SPEND_180D =
      standard("spend.total.180d", AttributeType.MONEY, Money.class, "fen", "paid total in the last 180 days");
  /** Paid total in the last 365 days. */
  public static final AttributeKey<Money> SPEND_365D =
      standard("spend.total.365d", AttributeType.MONEY, Money.class, "fen", "paid total in the last 365 days");
  /** Average paid amount per order, rounded half-even to the fen. */
  public static final AttributeKey<Money> AVG_ORDER_VALUE = standard("orders.avgValue", AttributeType.MONEY,
      Money.class, "fen", "average paid amount per order (half-even to the fen)");
  /** Refunds (full or partial) ever made. */
  public static final AttributeKey<Long> REFUNDS =
      standard("refunds.count", AttributeType.LONG, Long.class, "refunds", "refunds ever made");
  /** Refunds in the last 90 days. */
  public static final AttributeKey<Long> REFUNDS_90D =
      standard("refunds.count.90d", AttributeType.LONG, Long.class, "refunds", "refunds in the last 90 days");
  /** Refunded orders / orders, 0 to 1. */
  public static final AttributeKey<BigDecimal> REFUND_RATE =
      standard("refunds.rate", AttributeType.DECIMAL, BigDecimal.class, "ratio", "refunded orders / orders");
  /** Share of orders with a discount or coupon, 0 to 1. */
  public static final AttributeKey<BigDecimal> DISCOUNTED_SHARE = standard("orders.discountedShare",
      AttributeType.DECIMAL, BigDecimal.class, "ratio", "share of orders with a discount or coupon");
  /** Coupons redeemed on orders. */
  public static final AttributeKey<Long> COUPON_REDEMPTIONS =
      standard("coupons.redeemed", AttributeType.LONG, Long.class, "coupons", "coupons redeemed on orders");
  /** Brands bought. */
  public static final AttributeKey<ImmutableSet<String>> BRANDS =
      standard("purchase.brands", AttributeType.STRING_SET, SET, "", "brands bought, orders refunded in full left out");
  /** The top brands by amount (at most 5). */
  public static final AttributeKey<ImmutableSet<String>> TOP_BRANDS =
      standard("purchase.brands.top", AttributeType.STRING_SET, SET, "", "top 5 brands by amount net of refunds");
  /** Categories bought. */
  public static final AttributeKey<ImmutableSet<String>> CATEGORIES =
      standard("purchase.categories", AttributeType.STRING_SET, SET, "", "categories bought, orders refunded in full left out");
  /** The top categories by amount (at most 5). */
  public static final AttributeKey<ImmutableSet<String>> TOP_CATEGORIES =
      standard("purchase.categories.top", AttributeType.STRING_SET, SET, "", "top 5 categories by amount net of refunds");
  /** Brands bought in the last 90 days (one season). */
  public static final AttributeKey<ImmutableSet<String>> BRANDS_90D =
      standard("purchase.brands.90d", AttributeType.STRING_SET, SET, "", "brands bought in the last 90 days, orders refunded in full left out");
  /** The channel with most orders. */
  public static final AttributeKey<String> PREFERRED_CHANNEL =
      standard("purchase.channel", AttributeType.STRING, String.class, "", "channel with most orders");
  /** The store with most orders. */
  public static final AttributeKey<String> PREFERRED_STORE =
      standard("purchase.store", AttributeType.STRING, String.class, "", "store with most orders");

  // ---- social
  /** Largest follower count across the customer's social accounts. */
  public static final AttributeKey<Long> FOLLOWERS = standard("social.followers", AttributeType.LONG, Long.class,
      "followers", "largest follower count across accounts");
  /** Comments and replies in the last 7 days. */
  public static final AttributeKey<Long> COMMENTS_7D =
      standard("social.comments.7d", AttributeType.LONG, Long.class, "comments", "comments and replies, 7 days");
  /** Comments and replies in the last 30 days. */
  public static final AttributeKey<Long> COMMENTS_30D =
      standard("social.comments.30d", AttributeType.LONG, Long.class, "comments", "comments and replies, 30 days");
  /** Comments and replies in the last 90 days. */
  public static final AttributeKey<Long> COMMENTS_90D =
      standard("social.comments.90d", AttributeType.LONG, Long.class, "comments", "comments and replies, 90 days");
  /** Likes in the last 7 days. */
  public static final AttributeKey<Long> LIKES_7D =
      standard("social.likes.7d", AttributeType.LONG, Long.class, "likes", "likes, 7 days");
  /** Likes in the last 30 days. */
  public static final AttributeKey<Long> LIKES_30D =
      standard("social.likes.30d", AttributeType.LONG, Long.class, "likes", "likes, 30 days");
  /** Likes in the last 90 days. */
  public static final AttributeKey<Long> LIKES_90D =
      standard("social.likes.90d", AttributeType.LONG, Long.class, "likes", "likes, 90 days");
  /** Shares and forwards in the last 7 days. */
  public static final AttributeKey<Long> SHARES_7D =
      standard("social.shares.7d", AttributeType.LONG, Long.class, "shares", "shares and forwards, 7 days");
  /** Shares and forwards in the last 30 days. */
  public static final AttributeKey<Long> SHARES_30D =
      standard("social.shares.30d", AttributeType.LONG, Long.class, "shares", "shares and forwards, 30 days");
  /** Shares and forwards in the last 90 days. */
  public static final AttributeKey<Long> SHARES_90D =
      standard("social.shares.90d", AttributeType.LONG, Long.class, "shares", "shares and forwards, 90 days");
  /** Mentions of the brand in the last 7 days. */
  public static final AttributeKey<Long> MENTIONS_7D =
      standard("social.mentions.7d", AttributeType.LONG, Long.class, "mentions", "mentions, 7 days");
  /** Mentions of the brand in the last 30 days. */
  public static final AttributeKey<Long> MENTIONS_30D =
      standard("social.mentions.30d", AttributeType.LONG, Long.class, "mentions", "mentions, 30 days");
  /** Mentions of the brand in the last 90 days. */
  public static final AttributeKey<Long> MENTIONS_90D =
      standard("social.mentions.90d", AttributeType.LONG, Long.class, "mentions", "mentions, 90 days");
  /** Reviews in the last 7 days. */
  public static final AttributeKey<Long> REVIEWS_7D =
      standard("social.reviews.7d", AttributeType.LONG, Long.class, "reviews", "reviews, 7 days");
  /** Reviews in the last 30 days. */
  public static final AttributeKey<Long> REVIEWS_30D =
      standard("social.reviews.30d", AttributeType.LONG, Long.class, "reviews", "reviews, 30 days");
  /** Reviews in the last 90 days. */
  public static final AttributeKey<Long> REVIEWS_90D =
      standard("social.reviews.90d", AttributeType.LONG, Long.class, "reviews", "reviews, 90 days");
  /** Interactions (like, comment, reply, share, mention, review) with the brand's posts, ever. */
  public static final AttributeKey<Long> BRAND_POST_INTERACTIONS = standard("social.brandPostInteractions",
      AttributeType.LONG, Long.class, "interactions", "interactions with brand posts");
  /** Group-chat messages in the last 30 days. */
  public static final AttributeKey<Long> GROUP_MESSAGES_30D = standard("community.messages.30d", AttributeType.LONG,
      Long.class, "messages", "group-chat messages, 30 days");
  /** Instant of the last social or community interaction. */
  public static final AttributeKey<Instant> LAST_INTERACTION = standard("social.lastInteraction",
      AttributeType.INSTANT, Instant.class, "", "instant of the last social or community interaction");
  /** Whole days since the last social or community interaction at the evaluation instant. */
  public static final AttributeKey<Long> DAYS_SINCE_INTERACTION = standard("social.daysSinceInteraction",
      AttributeType.LONG, Long.class, "days", "days since the last social or community interaction");
  /** Interest topics supplied by the host on social events. */
  public static final AttributeKey<ImmutableSet<String>> TOPICS =
      standard("social.topics", AttributeType.STRING_SET, SET, "", "interest topics");
  /** Influence score written by the referral module's ranking, 0 to 100. */
  public static final AttributeKey<BigDecimal> INFLUENCE = standard("social.influence", AttributeType.DECIMAL,
      BigDecimal.class, "score", "influence score 0 to 100 from the key-opinion-customer ranking");

  // ---- referrals
  /** Invites issued by the customer. */
  public static final AttributeKey<Long> REFERRALS_INVITED =
      standard("referrals.invited", AttributeType.LONG, Long.class, "invites", "invites issued");
  /** Referrals that qualified. */
  public static final AttributeKey<Long> REFERRALS_QUALIFIED =
      standard("referrals.qualified", AttributeType.LONG, Long.class, "referrals", "referrals that qualified");

  /** Every standard attribute, in catalogue order. */
  public static final ImmutableList<AttributeKey<?>> ALL = ImmutableList.of(
      MEMBER_SINCE, MEMBER_LEVEL, GENDER, BIRTHDAY, AGE, AGE_BAND, CITY, REGION, REGISTRATION_CHANNEL, TAGS,
      OWNER_STAFF, NO_PERSONALISED_MARKETING, MARKETING_OPT_IN,
      LAST_PURCHASE, ORDERS, ORDERS_30D, ORDERS_90D, ORDERS_180D, ORDERS_365D,
      SPEND, SPEND_30D, SPEND_90D, SPEND_180D, SPEND_365D, AVG_ORDER_VALUE, REFUNDS, REFUNDS_90D, REFUND_RATE,
      DISCOUNTED_SHARE, COUPON_REDEMPTIONS, BRANDS, TOP_BRANDS, CATEGORIES, TOP_CATEGORIES, BRANDS_90D,
      PREFERRED_CHANNEL, PREFERRED_STORE,
      FOLLOWERS, COMMENTS_7D, COMMENTS_30D, COMMENTS_90D, LIKES_7D, LIKES_30D, LIKES_90D,
      SHARES_7D, SHARES_30D, SHARES_90D, MENTIONS_7D, MENTIONS_30D, MENTIONS_90D,
      REVIEWS_7D, REVIEWS_30D, REVIEWS_90D, BRAND_POST_INTERACTIONS, GROUP_MESSAGES_30D, LAST_INTERACTION,
      DAYS_SINCE_INTERACTION, TOPICS, INFLUENCE,
      REFERRALS_INVITED, REFERRALS_QUALIFIED);
}
