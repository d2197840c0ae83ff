package io.github.scrm.core.profile;

import static io.github.scrm.core.Fixtures.NOW;
import static io.github.scrm.core.Fixtures.daysAgo;
import static io.github.scrm.core.Fixtures.member;
import static io.github.scrm.core.attribute.StandardAttributes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableSet;
import io.github.scrm.core.Fixtures;
import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.consent.ConsentStatus;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CampaignAction;
import io.github.scrm.core.event.CampaignParticipation;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.Gender;
import io.github.scrm.core.event.InfluenceScored;
import io.github.scrm.core.event.InteractionKind;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.event.Purchase;
import io.github.scrm.core.event.PurchaseLine;
import io.github.scrm.core.event.ReferralInviteIssued;
import io.github.scrm.core.event.ReferralQualified;
import io.github.scrm.core.event.SocialInteraction;
import io.github.scrm.core.event.SocialPlatform;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.staff.StaffId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CustomerProfileTest {

  private static final CustomerId ID = CustomerId.of("c-1");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static CustomerProfile profileOf(CustomerEvent... events) {
    return CustomerProfile.replay(ID, List.of(member("M1")), List.of(events));
  }

  private static AttributeValues now(CustomerEvent... events) {
    return profileOf(events).attributesAt(NOW, SHANGHAI);
  }

  @Test
  void brands_ofAnOrderRefundedInFull_areNotBought_andAPartRefundLowersTheAmount() {
    CustomerProfile profile = profileOf(
        Fixtures.purchase("e1", "o1", daysAgo(20), 900_00, "Gucci", member("M1")),
        Fixtures.purchase("e2", "o2", daysAgo(10), 100_00, "Nike", member("M1")),
        Fixtures.purchase("e3", "o3", daysAgo(8), 300_00, "Anta", member("M1")),
        Fixtures.refund("e4", "o1", daysAgo(15), 900_00, member("M1")),
        Fixtures.partialRefund("e5", "o3", daysAgo(5), 250_00, member("M1")));

    AttributeValues values = profile.attributesAt(NOW);

    assertThat(values.get(SPEND)).isEqualTo(Money.fen(150_00));
    assertThat(values.get(TOP_BRANDS)).containsExactly("Nike", "Anta");
    assertThat(values.get(BRANDS_90D)).containsExactlyInAnyOrder("Nike", "Anta");
    // as of before its refund, the Gucci order was bought
    assertThat(profile.attributesAt(daysAgo(16)).get(BRANDS)).containsExactly("Gucci");
  }

  @Test
  void spend_ofMoreLargestAmountsThanALongHolds_staysReadable_atTheLargestValue() {
    // each order at the largest amount an event may carry: 9,224 of them pass Long.MAX_VALUE
    long largest = 1_000_000_000_000_000L;
    List<CustomerEvent> orders = new java.util.ArrayList<>();
    for (int i = 0; i < 9_300; i++) {
      orders.add(Fixtures.purchase("e" + i, "o" + i, daysAgo(10).plusSeconds(i), largest, "Nike", member("M1")));
    }

    AttributeValues values = CustomerProfile.replay(ID, List.of(member("M1")), orders).attributesAt(NOW);

    assertThat(values.get(SPEND).minorUnits()).isEqualTo(Long.MAX_VALUE);
    assertThat(values.get(ORDERS)).isEqualTo(9_300L);
  }

  @Test
  void windows_countEventsInTheHalfOpenIntervalEndingNow() {
    var values = now(
        Fixtures.purchase("e1", NOW, 10_00, member("M1")),
        Fixtures.purchase("e2", daysAgo(30), 20_00, member("M1")),
        Fixtures.purchase("e3", daysAgo(30).plusMillis(1), 30_00, member("M1")),
        Fixtures.purchase("e4", daysAgo(200), 40_00, member("M1")),
        Fixtures.purchase("e5", NOW.plusMillis(1), 50_00, member("M1")));
    assertThat(values.get(ORDERS_30D)).isEqualTo(2L);
    assertThat(values.get(SPEND_30D)).isEqualTo(Money.fen(40_00));
    assertThat(values.get(ORDERS_90D)).isEqualTo(3L);
    assertThat(values.get(ORDERS_180D)).isEqualTo(3L);
    assertThat(values.get(ORDERS_365D)).isEqualTo(4L);
    assertThat(values.get(ORDERS)).isEqualTo(4L);
    assertThat(values.get(SPEND)).isEqualTo(Money.fen(100_00));
    assertThat(values.get(LAST_PURCHASE)).isEqualTo(NOW);
    assertThat(values.get(AVG_ORDER_VALUE)).isEqualTo(Money.fen(25_00));
  }

  @Test
  void orders_keptByTime_andInArrivalOrderAtTheSameInstant() {
    CustomerProfile profile = CustomerProfile.empty(ID);
    String[][] arrivals = {{"late", "3"}, {"first", "1"}, {"middle", "2"}, {"first-again", "1"}, {"last", "4"}};
    for (String[] arrival : arrivals) {
      profile = profile.with(
          Fixtures.purchase("e-" + arrival[0], arrival[0], daysAgo(10 - Integer.parseInt(arrival[1])), 10_00, "Nike",
              member("M1")));
    }
    assertThat(profile.activity().orders).extracting(o -> o.orderKey).containsExactly(OrderFact.key("first"),
        OrderFact.key("first-again"), OrderFact.key("middle"), OrderFact.key("late"), OrderFact.key("last"));
  }

  @Test
  void asOfAnEarlierInstant_ignoresLaterEvents() {
    var profile = profileOf(Fixtures.purchase("e1", daysAgo(10), 10_00, member("M1")),
        Fixtures.purchase("e2", daysAgo(1), 20_00, member("M1")));
    var then = profile.attributesAt(daysAgo(5), SHANGHAI);
    assertThat(then.get(ORDERS)).isEqualTo(1L);
    assertThat(then.get(LAST_PURCHASE)).isEqualTo(daysAgo(10));
  }

  @Test
  void refunds_reduceSpendOfTheirOrderAndCountAtTheirOwnTime() {
    var values = now(
        Fixtures.purchase("e1", "o1", daysAgo(100), 100_00, "Nike", member("M1")),
        Fixtures.purchase("e2", "o2", daysAgo(10), 60_00, "Nike", member("M1")),
        Fixtures.partialRefund("e3", "o1", daysAgo(5), 30_00, member("M1")),
        Fixtures.refund("e4", "o2", daysAgo(4), 60_00, member("M1")),
        Fixtures.refund("e5", "unknown-order", daysAgo(4), 99_00, member("M1")));
    assertThat(values.get(SPEND)).isEqualTo(Money.fen(70_00));
    assertThat(values.get(SPEND_90D)).isEqualTo(Money.fen(0));
    assertThat(values.get(SPEND_180D)).isEqualTo(Money.fen(70_00));
    assertThat(values.get(REFUNDS)).isEqualTo(3L);
    assertThat(values.get(REFUNDS_90D)).isEqualTo(3L);
    assertThat(values.get(REFUND_RATE)).isEqualByComparingTo("1");
  }

  @Test
  void topBrands_weighALineByItsAmountAlsoWhenTheOrderPaidLess() {
    // one line of 300.00 paid 100.00 after an order-level voucher; one line of 200.00 paid in full
    PurchaseLine anta = new PurchaseLine("sku-9", "Anta", "shoes", 1, Money.fen(300_00), Money.fen(0));
    Purchase vouchered = new Purchase("e1", daysAgo(3), daysAgo(3), "erp", List.of(member("M1")), "o1",
        List.of(anta), Money.fen(100_00), List.of("V1"), "store", "S1", null);
    CustomerProfile profile = CustomerProfile.empty(ID).with(vouchered)
        .with(Fixtures.purchase("e2", "o2", daysAgo(2), 200_00, "Nike", member("M1")));
    for (CustomerProfile p : List.of(profile, ProfileCodec.fromJson(ProfileCodec.toJson(profile)))) {
      AttributeValues values = p.attributesAt(NOW);
      assertThat(values.get(TOP_BRANDS)).containsExactly("Anta", "Nike");
      assertThat(values.get(SPEND)).isEqualTo(Money.fen(300_00));
    }
  }

  @Test
  void brandsCategoriesChannelsAndDiscounts_areComputedFromLines() {
    var values = now(
        Fixtures.purchase("e1", "o1", daysAgo(200), 500_00, "Lining", member("M1")),
        Fixtures.purchase("e2", "o2", daysAgo(10), 100_00, "Nike", member("M1")),
        Fixtures.discountedPurchase("e3", daysAgo(9), 100_00, member("M1")));
    assertThat(values.get(BRANDS)).containsExactly("Adidas", "Lining", "Nike");
    assertThat(values.get(TOP_BRANDS)).containsExactly("Lining", "Adidas", "Nike");
    assertThat(values.get(BRANDS_90D)).containsExactlyInAnyOrder("Adidas", "Nike");
    assertThat(values.get(CATEGORIES)).containsExactly("apparel", "shoes");
    assertThat(values.get(DISCOUNTED_SHARE)).isEqualByComparingTo("0.3333");
    assertThat(values.get(COUPON_REDEMPTIONS)).isEqualTo(1L);
    assertThat(values.get(PREFERRED_CHANNEL)).isEqualTo("store");
    assertThat(values.get(PREFERRED_STORE)).isEqualTo("S1");
  }

  /** Two Douyin accounts of one customer. */
  private static final Identifier BIG_ACCOUNT =
      Identifier.scoped(IdentifierType.DOUYIN_OPENID, "dy-app", "big-account");
  private static final Identifier SMALL_ACCOUNT =
      Identifier.scoped(IdentifierType.DOUYIN_OPENID, "dy-app", "small-account");

  private static SocialInteraction follow(String id, Instant at, SocialPlatform platform, long followers,
      Identifier... ids) {
    return new SocialInteraction(id, at, at, "social", List.of(ids), platform, InteractionKind.FOLLOW, null, null,
        followers, null, List.of());
  }

  @Test
  void followers_areTheLargestOfEachAccountsLatestReport() {
    CustomerProfile p = profileOf(
        follow("e1", daysAgo(10), SocialPlatform.DOUYIN, 100_000L, member("M1"), BIG_ACCOUNT),
        follow("e2", daysAgo(9), SocialPlatform.DOUYIN, 50L, member("M1"), SMALL_ACCOUNT),
        follow("e3", daysAgo(4), SocialPlatform.DOUYIN, 80_000L, member("M1"), BIG_ACCOUNT),
        follow("e4", daysAgo(3), SocialPlatform.DOUYIN, 60L, member("M1"), SMALL_ACCOUNT));

    // two accounts on one platform: the small one's later reports do not hide the large one
    assertThat(p.attributesAt(daysAgo(8)).get(FOLLOWERS)).isEqualTo(100_000L);
    // an account's own later report replaces its earlier one, however large that was
    assertThat(p.attributesAt(NOW).get(FOLLOWERS)).isEqualTo(80_000L);
  }

  @Test
  void followers_ofAnAccountNamedByUnionIdAndOpenId_areOneAccountsReports() {
    Identifier union = Identifier.scoped(IdentifierType.WECHAT_UNIONID, "open-1", "u-1");
    Identifier open = Identifier.scoped(IdentifierType.WECHAT_OPENID, "app-1", "o-1");
    CustomerProfile p = profileOf(
        follow("e1", daysAgo(5), SocialPlatform.WECHAT, 3_000L, member("M1"), open, union),
        follow("e2", daysAgo(2), SocialPlatform.WECHAT, 40L, union),
        // an event naming no account of its platform reports the platform's unnamed account
        follow("e3", daysAgo(6), SocialPlatform.WECHAT, 900L, member("M1")));

    assertThat(p.attributesAt(daysAgo(3)).get(FOLLOWERS)).isEqualTo(3_000L);
    assertThat(p.attributesAt(NOW).get(FOLLOWERS)).isEqualTo(900L);
  }

  @Test
  void erasure_keepsTheFollowerMetricButNotTheAccountsFingerprints() {
    CustomerProfile p = profileOf(
        follow("e1", daysAgo(10), SocialPlatform.DOUYIN, 100_000L, member("M1"), BIG_ACCOUNT),
        follow("e2", daysAgo(9), SocialPlatform.DOUYIN, 50L, member("M1"), SMALL_ACCOUNT),
        follow("e3", daysAgo(8), SocialPlatform.WEIBO, 7L, member("M1")));
    CustomerProfile erased = p.erased(NOW);

    assertThat(erased.attributesAt(NOW).get(FOLLOWERS)).isEqualTo(p.attributesAt(NOW).get(FOLLOWERS));
    assertThat(ProfileCodec.toJson(p)).doesNotContain("\"followerAccounts\":[1,");
    assertThat(ProfileCodec.toJson(erased)).containsPattern("\"followerAccounts\":\\[[12],[12],0]");
  }

  @Test
  void social_windowsFollowersTopicsAndBrandPosts() {
    var values = now(
        Fixtures.social("e1", daysAgo(1), InteractionKind.COMMENT, member("M1")),
        Fixtures.social("e2", daysAgo(8), InteractionKind.REPLY, member("M1")),
        Fixtures.social("e3", daysAgo(40), InteractionKind.LIKE, member("M1")),
        Fixtures.social("e4", daysAgo(2), InteractionKind.SHARE, member("M1")),
        Fixtures.social("e5", daysAgo(3), InteractionKind.REVIEW, member("M1")),
        new SocialInteraction("e6", daysAgo(2), daysAgo(2), "weibo", List.of(member("M1")), SocialPlatform.WEIBO,
            InteractionKind.MENTION, null, "@brand", 50_000L, null, List.of("outdoor")),
        new SocialInteraction("e7", daysAgo(20), daysAgo(20), "weibo", List.of(member("M1")), SocialPlatform.WEIBO,
            InteractionKind.FOLLOW, null, null, 90_000L, null, List.of()),
        Fixtures.groupMessage("e8", daysAgo(3), member("M1")),
        new CampaignParticipation("e9", daysAgo(0), daysAgo(0), "wechat", List.of(member("M1")), "c1",
            CampaignAction.CHECK_IN));
    assertThat(values.get(COMMENTS_7D)).isEqualTo(1L);
    assertThat(values.get(COMMENTS_30D)).isEqualTo(2L);
    assertThat(values.get(LIKES_30D)).isZero();
    assertThat(values.get(LIKES_90D)).isEqualTo(1L);
    assertThat(values.get(SHARES_7D)).isEqualTo(1L);
    assertThat(values.get(REVIEWS_7D)).isEqualTo(1L);
    assertThat(values.get(MENTIONS_7D)).isEqualTo(1L);
    assertThat(values.get(BRAND_POST_INTERACTIONS)).isEqualTo(5L);
    assertThat(values.get(GROUP_MESSAGES_30D)).isEqualTo(1L);
    assertThat(values.get(FOLLOWERS)).isEqualTo(50_000L);
    assertThat(values.get(TOPICS)).containsExactly("outdoor", "running");
    assertThat(values.get(LAST_INTERACTION)).isEqualTo(daysAgo(1));
    assertThat(values.get(DAYS_SINCE_INTERACTION)).isEqualTo(1L);
  }

  @Test
  void referralsAndInfluence_areCounted() {
    var values = now(
        new ReferralInviteIssued("e1", daysAgo(3), daysAgo(3), "wechat", List.of(member("M1")), "p", "C1"),
        new ReferralInviteIssued("e2", daysAgo(2), daysAgo(2), "wechat", List.of(member("M1")), "p", "C2"),
        new ReferralQualified("e3", daysAgo(1), daysAgo(1), "referral", List.of(member("M1")), "p", "C1",
            CustomerId.of("c-9")),
        new InfluenceScored("e4", daysAgo(5), daysAgo(5), "referral", List.of(member("M1")), new BigDecimal("40")),
        new InfluenceScored("e5", daysAgo(1), daysAgo(1), "referral", List.of(member("M1")), new BigDecimal("65.5")));
    assertThat(values.get(REFERRALS_INVITED)).isEqualTo(2L);
    assertThat(values.get(REFERRALS_QUALIFIED)).isEqualTo(1L);
    assertThat(values.get(INFLUENCE)).isEqualByComparingTo("65.5");
  }

  @Test
  void orderAndActionCounts_countWhatTheProfileHolds() {
    CustomerProfile profile = profileOf(
        Fixtures.joined("e1", daysAgo(9), member("M1")),
        Fixtures.purchase("e2", daysAgo(8), 100_00, member("M1")),
        Fixtures.refund("e3", "order-e2", daysAgo(7), 20_00, member("M1")),
        Fixtures.purchase("e4", daysAgo(6), 50_00, member("M1")),
        Fixtures.social("e5", daysAgo(5), InteractionKind.LIKE, member("M1")),
        Fixtures.groupMessage("e6", daysAgo(4), member("M1")),
        new ReferralInviteIssued("e7", daysAgo(3), daysAgo(3), "wechat", List.of(member("M1")), "p", "C1"));
    assertThat(profile.orderCount()).as("orders, refunded or not").isEqualTo(2);
    assertThat(profile.actionCount()).as("social, community and referral actions").isEqualTo(3);
    assertThat(profileOf(Fixtures.joined("e1", daysAgo(9), member("M1"))).orderCount()).isZero();
  }

  @Test
  void aTagAddedAndRemovedByOneEvent_endsRemoved() {
    CustomerProfile profile = profileOf(
        ProfileUpdated.of("e1", daysAgo(3), "app", List.of(member("M1"))).withTags(List.of("vip", "x"), List.of()),
        ProfileUpdated.of("e2", daysAgo(1), "app", List.of(member("M1"))).withTags(List.of("x", "y"), List.of("x")));
    assertThat(profile.tags()).containsExactly("vip", "y");
  }

  @Test
  void withEventsOf_anErasedProfile_isRefusedNamingIt() {
    CustomerProfile erased = profileOf(Fixtures.purchase("e1", daysAgo(2), 10_00, member("M1"))).erased(NOW);
    assertThatThrownBy(() -> CustomerProfile.empty(CustomerId.of("c-2")).withEventsOf(erased))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an erased profile's events cannot be applied to another, but c-1 was erased at " + NOW);
  }

  @Test
  void noActivity_givesZeroCountsAndAbsentValues() {
    var values = now(Fixtures.joined("e1", daysAgo(3), member("M1")));
    assertThat(values.get(ORDERS)).isZero();
    assertThat(values.get(SPEND)).isEqualTo(Money.fen(0));
    assertThat(values.get(LAST_PURCHASE)).isNull();
    assertThat(values.get(AVG_ORDER_VALUE)).isNull();
    assertThat(values.get(REFUND_RATE)).isNull();
    assertThat(values.get(FOLLOWERS)).isNull();
    assertThat(values.get(BRANDS)).isEmpty();
    assertThat(values.get(MEMBER_SINCE)).isEqualTo(daysAgo(3));
    assertThat(values.get(REGISTRATION_CHANNEL)).isEqualTo("wechat");
  }

  @Test
  void profileFields_latestUpdateWinsWhateverTheArrivalOrder() {
    var older = ProfileUpdated.of("e1", daysAgo(5), "app", List.of(member("M1"))).withLocation("Beijing", "Beijing")
        .withMemberLevel("SILVER");
    var newer = ProfileUpdated.of("e2", daysAgo(1), "app", List.of(member("M1"))).withLocation("Shanghai", null)
        .withMemberLevel("GOLD").withDemographics(Gender.F, LocalDate.of(1990, 6, 2))
        .withOwningStaff(StaffId.of("s-7")).withTags(List.of("vip"), List.of());
    for (CustomerProfile p : List.of(profileOf(older, newer), profileOf(newer, older))) {
      var values = p.attributesAt(NOW, SHANGHAI);
      assertThat(values.get(CITY)).isEqualTo("Shanghai");
      assertThat(values.get(REGION)).isEqualTo("Beijing");
      assertThat(values.get(MEMBER_LEVEL)).isEqualTo("GOLD");
      assertThat(values.get(GENDER)).isEqualTo("F");
      assertThat(values.get(AGE)).isEqualTo(35L);
      assertThat(values.get(AGE_BAND)).isEqualTo("35-44");
      assertThat(values.get(OWNER_STAFF)).isEqualTo("s-7");
      assertThat(values.get(TAGS)).isEqualTo(ImmutableSet.of("vip"));
      assertThat(p.levelHistory()).extracting(LevelChange::level).containsExactly("SILVER", "GOLD");
      assertThat(p.attributesAt(daysAgo(3), SHANGHAI).get(MEMBER_LEVEL)).isEqualTo("SILVER");
    }
  }

  @Test
  void age_isCountedInTheBusinessZone() {
    // NOW is 2026-06-01T02:00Z: already June 1st in Shanghai, still May 31st in Los Angeles
    var p = profileOf(ProfileUpdated.of("e1", daysAgo(1), "app", List.of(member("M1")))
        .withDemographics(null, LocalDate.of(2000, 6, 1)));
    assertThat(p.attributesAt(NOW, SHANGHAI).get(AGE)).isEqualTo(26L);
    assertThat(p.attributesAt(NOW, ZoneId.of("America/Los_Angeles")).get(AGE)).isEqualTo(25L);
  }

  @Test
  void consents_latestPerChannelDecidesMarketingOptIn() {
    var p = profileOf(
        Fixtures.consent("e1", daysAgo(10), ContactChannel.SMS, ConsentStatus.GRANTED, member("M1")),
        Fixtures.consent("e2", daysAgo(2), ContactChannel.SMS, ConsentStatus.WITHDRAWN, member("M1")));
    assertThat(p.attributesAt(NOW, SHANGHAI).get(MARKETING_OPT_IN)).isFalse();
    assertThat(p.attributesAt(daysAgo(5), SHANGHAI).get(MARKETING_OPT_IN)).isTrue();
    assertThat(p.consents()).singleElement().satisfies(c -> assertThat(c.granted()).isFalse());
    assertThat(p.consentHistory()).hasSize(2);
  }

  @Test
  void noPersonalisedMarketing_followsTheLatestUpdate() {
    var p = profileOf(ProfileUpdated.of("e1", daysAgo(3), "app", List.of(member("M1")))
        .withNoPersonalisedMarketing(true));
    assertThat(p.noPersonalisedMarketing()).isTrue();
    assertThat(p.attributesAt(NOW, SHANGHAI).get(NO_PERSONALISED_MARKETING)).isTrue();
    assertThat(profileOf().attributesAt(NOW, SHANGHAI).get(NO_PERSONALISED_MARKETING)).isFalse();
  }

  @Test
  void everyStandardAttribute_canBeRead() {
    var values = now(Fixtures.purchase("e1", daysAgo(1), 10_00, member("M1")),
        Fixtures.social("e2", daysAgo(1), InteractionKind.LIKE, member("M1")));
    for (var key : ALL) {
      Object value = values.get(key);
      if (value != null) {
        assertThat(key.type().accepts(value)).as(key.name()).isTrue();
      }
    }
  }

  @Test
  void toString_masksNameAndPhone() {
    var p = CustomerProfile.replay(ID, List.of(Fixtures.phone("13812345678")), List.of(
        ProfileUpdated.of("e1", daysAgo(1), "app", List.of(member("M1"))).withName("王小明")));
    assertThat(p.toString()).contains("王**").contains("138****5678").doesNotContain("小明")
        .doesNotContain("13812345678");
  }

  @Test
  void erased_keepsAggregatesAndDropsPersonalData() {
    var p = CustomerProfile.replay(ID, List.of(member("M1")), List.of(
        ProfileUpdated.of("e1", daysAgo(1), "app", List.of(member("M1"))).withName("王小明").withLocation("Xi'an", null),
        Fixtures.purchase("e2", daysAgo(1), 10_00, member("M1")))).erased(NOW);
    assertThat(p.identifiers()).isEmpty();
    assertThat(p.name()).isEmpty();
    assertThat(p.city()).isEmpty();
    assertThat(p.erasedAt()).contains(NOW);
    assertThat(p.attributesAt(NOW, SHANGHAI).get(ORDERS)).isEqualTo(1L);
    assertThat(p.attributesAt(NOW, SHANGHAI).get(SPEND)).isEqualTo(Money.fen(10_00));
  }

  @Test
  void influence_atTheSameInstant_takesTheLargerScoreWhateverTheOrder() {
    Instant at = daysAgo(1);
    var low = new InfluenceScored("e1", at, at, "referral", List.of(member("M1")), BigDecimal.ONE);
    var high = new InfluenceScored("e2", at, at, "referral", List.of(member("M1")), BigDecimal.TEN);
    assertThat(now(low, high).get(INFLUENCE)).isEqualTo(now(high, low).get(INFLUENCE));
    assertThat(now(low, high).get(INFLUENCE)).isEqualByComparingTo("10");
    assertThat(profileOf(low).attributesAt(at.minus(Duration.ofSeconds(1)), SHANGHAI).get(INFLUENCE)).isNull();
  }
}
