package io.github.scrm.core.profile;

import com.google.common.collect.ImmutableSet;
import io.github.scrm.core.attribute.AttributeKey;
import io.github.scrm.core.attribute.AttributeText;
import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.consent.Consent;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.event.InteractionKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Currency;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The attribute values of one profile as of one instant. Each value is computed on request from the profile's compact
 * facts (a few dozen entries), so creating this view costs nothing and reading one value is a short scan.
 */
final class ProfileAttributes implements AttributeValues {

  private static final long DAY = 86_400_000L;
  private static final int TOP = 5;

  private final CustomerProfile profile;
  private final Activity a;
  private final ProfileFields f;
  private final long t;
  private final Instant asOf;
  private final ZoneId zone;
  private final PurchaseMetrics purchases;

  ProfileAttributes(CustomerProfile profile, Activity activity, ProfileFields fields, Instant asOf, ZoneId zone,
      Currency currency) {
    this.profile = profile;
    this.a = activity;
    this.f = fields;
    this.t = asOf.toEpochMilli();
    this.asOf = asOf;
    this.zone = zone;
    this.purchases = new PurchaseMetrics(activity, t, currency);
  }

  @Override
  public <T> @Nullable T get(AttributeKey<T> key) {
    if (key.isCustom()) {
      Latest<String> text = f.custom.get(key.name());
      return text == null ? null : AttributeText.parse(key, text.value());
    }
    Object value = standard(key.name());
    return value == null ? null : key.cast(value);
  }

  private @Nullable Object standard(String name) {
    switch (name) {
      case "profile.memberSince": return f.memberSince != null && !f.memberSince.isAfter(asOf) ? f.memberSince : null;
      case "profile.memberLevel": return level();
      case "profile.gender": return f.gender == null ? null : f.gender.value().name();
      case "profile.birthday": return ProfileFields.value(f.birthday);
      case "profile.age": return age();
      case "profile.ageBand": return ageBand();
      case "profile.city": return ProfileFields.value(f.city);
      case "profile.region": return ProfileFields.value(f.region);
      case "profile.registrationChannel": return f.registrationChannel;
      case "profile.tags": return profile.tags();
      case "profile.staff": return f.owner == null ? null : f.owner.value().value();
      case "profile.noPersonalisedMarketing": return profile.noPersonalisedMarketing();
      case "consent.marketing": return marketingOptIn();
      case "purchase.last": return purchases.lastPurchase();
      case "orders.count": return purchases.orders(Long.MIN_VALUE);
      case "orders.count.30d": return purchases.orders(t - 30 * DAY);
      case "orders.count.90d": return purchases.orders(t - 90 * DAY);
      case "orders.count.180d": return purchases.orders(t - 180 * DAY);
      case "orders.count.365d": return purchases.orders(t - 365 * DAY);
      case "spend.total": return purchases.spend(Long.MIN_VALUE);
      case "spend.total.30d": return purchases.spend(t - 30 * DAY);
      case "spend.total.90d": return purchases.spend(t - 90 * DAY);
      case "spend.total.180d": return purchases.spend(t - 180 * DAY);
      case "spend.total.365d": return purchases.spend(t - 365 * DAY);
      case "orders.avgValue": return purchases.averageOrderValue();
      case "refunds.count": return purchases.refunds(Long.MIN_VALUE);
      case "refunds.count.90d": return purchases.refunds(t - 90 * DAY);
      case "refunds.rate": return purchases.refundRate();
      case "orders.discountedShare": return purchases.discountedShare();
      case "coupons.redeemed": return purchases.couponsRedeemed();
      case "purchase.brands": return purchases.names(true, Long.MIN_VALUE, Integer.MAX_VALUE);
      case "purchase.brands.top": return purchases.names(true, Long.MIN_VALUE, TOP);
      case "purchase.categories": return purchases.names(false, Long.MIN_VALUE, Integer.MAX_VALUE);
      case "purchase.categories.top": return purchases.names(false, Long.MIN_VALUE, TOP);
      case "purchase.brands.90d": return purchases.names(true, t - 90 * DAY, Integer.MAX_VALUE);
      case "purchase.channel": return purchases.preferred(true);
      case "purchase.store": return purchases.preferred(false);
      case "social.followers": return followers();
      case "social.comments.7d": return marks(7, InteractionKind.COMMENT.ordinal(), InteractionKind.REPLY.ordinal());
      case "social.comments.30d": return marks(30, InteractionKind.COMMENT.ordinal(), InteractionKind.REPLY.ordinal());
      case "social.comments.90d": return marks(90, InteractionKind.COMMENT.ordinal(), InteractionKind.REPLY.ordinal());
      case "social.likes.7d": return marks(7, InteractionKind.LIKE.ordinal(), -1);
      case "social.likes.30d": return marks(30, InteractionKind.LIKE.ordinal(), -1);
      case "social.likes.90d": return marks(90, InteractionKind.LIKE.ordinal(), -1);
      case "social.shares.7d": return marks(7, InteractionKind.SHARE.ordinal(), -1);
      case "social.shares.30d": return marks(30, InteractionKind.SHARE.ordinal(), -1);
      case "social.shares.90d": return marks(90, InteractionKind.SHARE.ordinal(), -1);
      case "social.mentions.7d": return marks(7, InteractionKind.MENTION.ordinal(), -1);
      case "social.mentions.30d": return marks(30, InteractionKind.MENTION.ordinal(), -1);
      case "social.mentions.90d": return marks(90, InteractionKind.MENTION.ordinal(), -1);
      case "social.reviews.7d": return marks(7, InteractionKind.REVIEW.ordinal(), -1);
      case "social.reviews.30d": return marks(30, InteractionKind.REVIEW.ordinal(), -1);
      case "social.reviews.90d": return marks(90, InteractionKind.REVIEW.ordinal(), -1);
      case "social.brandPostInteractions": return brandPostInteractions();
      case "community.messages.30d": return marks(30, Activity.COMMUNITY + 2, -1);
      case "social.lastInteraction": return lastInteraction();
      case "social.daysSinceInteraction": return daysSinceInteraction();
      case "social.topics": return topics();
      case "social.influence": return influence();
      case "referrals.invited": return marks(-1, Activity.INVITE_ISSUED, -1);
      case "referrals.qualified": return marks(-1, Activity.REFERRAL_QUALIFIED, -1);
      default: return null;
    }
  }

  private @Nullable String level() {
    String level = null;
    for (LevelChange change : f.levels) {
      if (!change.since().isAfter(asOf)) {
        level = change.level();
      }
    }
    return level;
  }

  private @Nullable Long age() {
    LocalDate birthday = ProfileFields.value(f.birthday);
    if (birthday == null) {
      return null;
    }
    LocalDate today = LocalDate.ofInstant(asOf, zone);
    return today.isBefore(birthday) ? null : (long) Period.between(birthday, today).getYears();
  }

  private @Nullable String ageBand() {
    Long age = age();
    if (age == null) {
      return ProfileFields.value(f.ageBand);
    }
    if (age < 18) {
      return "0-17";
    }
    if (age >= 65) {
      return "65+";
    }
    long[] lower = {18, 25, 35, 45, 55};
    long[] upper = {24, 34, 44, 54, 64};
    for (int i = 0; i < lower.length; i++) {
      if (age <= upper[i]) {
        return lower[i] + "-" + upper[i];
      }
    }
    return null;
  }

  private Boolean marketingOptIn() {
    Map<String, Consent> latest = new HashMap<>();
    for (Consent c : f.consents) {
      if (!c.recordedAt().isAfter(asOf) && c.purpose() == ContactPurpose.MARKETING) {
        latest.put(c.channel().name(), c);
      }
    }
    return latest.values().stream().anyMatch(Consent::granted);
  }

























  private @Nullable Long followers() {
    // the latest report of each account as of t (the reports of a platform that name no account are of one account),
    // then the largest of those; a customer has few accounts, so they are looked up in place
    long[] fl = a.followers;
    int reports = fl.length / Activity.FOLLOWER_VALUES;
    int[] platforms = new int[reports];
    long[] accounts = new long[reports];
    long[] latestAt = new long[reports];
    long[] counts = new long[reports];
    int known = 0;
    for (int i = 0; i < fl.length; i += Activity.FOLLOWER_VALUES) {
      long at = Activity.followerAt(fl[i]);
      if (at > t) {
        continue;
      }
      int platform = Activity.followerPlatform(fl[i]);
      long account = fl[i + 1];
      long count = fl[i + 2];
      int k = 0;
      while (k < known && (platforms[k] != platform || accounts[k] != account)) {
        k++;
      }
      if (k == known) {
        platforms[k] = platform;
        accounts[k] = account;
        latestAt[k] = at;
        counts[k] = count;
        known++;
      } else if (at > latestAt[k] || (at == latestAt[k] && count > counts[k])) {
        latestAt[k] = at;
        counts[k] = count;
      }
    }
    if (known == 0) {
      return null;
    }
    long max = 0;
    for (int k = 0; k < known; k++) {
      max = Math.max(max, counts[k]);
    }
    return max;
  }

  private Long marks(int days, int code, int otherCode) {
    long after = days < 0 ? Long.MIN_VALUE : t - days * DAY;
    long n = 0;
    for (long mark : a.marks) {
      long at = Activity.markTime(mark);
      int c = Activity.markCode(mark);
      int base = c & ~Activity.BRAND_POST;
      if (at > after && at <= t && (base == code || base == otherCode)) {
        n++;
      }
    }
    return n;
  }

  private Long brandPostInteractions() {
    long n = 0;
    for (long mark : a.marks) {
      int c = Activity.markCode(mark);
      if (Activity.markTime(mark) <= t && (c & Activity.BRAND_POST) != 0
          && (c & ~Activity.BRAND_POST) >= InteractionKind.LIKE.ordinal()) {
        n++;
      }
    }
    return n;
  }

  private @Nullable Instant lastInteraction() {
    long last = Long.MIN_VALUE;
    for (long mark : a.marks) {
      long at = Activity.markTime(mark);
      int c = Activity.markCode(mark);
      int base = c & ~Activity.BRAND_POST;
      if (at <= t && base < Activity.CAMPAIGN && at > last) {
        last = at;
      }
    }
    return last == Long.MIN_VALUE ? null : Instant.ofEpochMilli(last);
  }

  private @Nullable Long daysSinceInteraction() {
    Instant last = lastInteraction();
    return last == null ? null
        : ChronoUnit.DAYS.between(LocalDate.ofInstant(last, zone), LocalDate.ofInstant(asOf, zone));
  }

  private ImmutableSet<String> topics() {
    TreeSet<String> present = new TreeSet<>();
    for (int i = 0; i < a.topics.length; i++) {
      if (a.topicFirstAt[i] <= t) {
        present.add(a.topics[i]);
      }
    }
    return ImmutableSet.copyOf(present);
  }

  private @Nullable BigDecimal influence() {
    long best = Long.MIN_VALUE;
    BigDecimal score = null;
    for (int i = 0; i < a.influenceAt.length; i++) {
      long at = a.influenceAt[i];
      if (at <= t && (at > best || (at == best && score != null && a.influence[i].compareTo(score) > 0))) {
        best = at;
        score = a.influence[i];
      }
    }
    return score;
  }
}
