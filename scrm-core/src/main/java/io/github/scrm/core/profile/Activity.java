package io.github.scrm.core.profile;

import io.github.scrm.core.event.CampaignAction;
import io.github.scrm.core.event.CampaignParticipation;
import io.github.scrm.core.event.CommunityAction;
import io.github.scrm.core.event.CommunityActivity;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.InteractionKind;
import io.github.scrm.core.event.ReferralInviteIssued;
import io.github.scrm.core.event.ReferralInviteResponded;
import io.github.scrm.core.event.ReferralQualified;
import io.github.scrm.core.event.Refund;
import io.github.scrm.core.event.SocialInteraction;
import io.github.scrm.core.event.SocialPlatform;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The compact, order-independent record of what a customer did, from which every metric is computed as of any
 * instant: orders and refunds as small facts sorted by time, and every other countable action as one {@code long}
 * ({@code epochMilli << 6 | code}) in a sorted array. Never mutated once published.
 */
final class Activity {

  static final Activity EMPTY = new Activity(new OrderFact[0], new RefundFact[0], new long[0], new long[0],
      new String[0], new long[0], new long[0], new BigDecimal[0]);

  // mark codes: InteractionKind ordinals 0..7; BRAND_POST is or-ed onto social marks
  static final int COMMUNITY = 8; // + CommunityAction ordinal (8 joined, 9 left, 10 message)
  static final int CAMPAIGN = 11; // + CampaignAction ordinal (11..14)
  static final int INVITE_ISSUED = 16;
  static final int REFERRAL_QUALIFIED = 17;
  static final int INVITE_RESPONDED = 18;
  static final int BRAND_POST = 32;
  static final int CODE_BITS = 6;
  private static final int PLATFORM_BITS = 4;
  /** How many platforms a follower report can name. */
  static final int PLATFORMS = 1 << PLATFORM_BITS;
  /** The values of one follower report in {@link #followers}. */
  static final int FOLLOWER_VALUES = 3;

  final OrderFact[] orders;
  final RefundFact[] refunds;
  final long[] marks;
  /**
   * Follower reports in arrival order, {@value #FOLLOWER_VALUES} {@code long}s each: {@link #followerKey} (the instant
   * and the platform), the account ({@link #followerAccount}) and the count.
   */
  final long[] followers;
  final String[] topics;
  final long[] topicFirstAt;
  final long[] influenceAt;
  final BigDecimal[] influence;

  private Activity(OrderFact[] orders, RefundFact[] refunds, long[] marks, long[] followers, String[] topics,
      long[] topicFirstAt, long[] influenceAt, BigDecimal[] influence) {
    this.orders = orders;
    this.refunds = refunds;
    this.marks = marks;
    this.followers = followers;
    this.topics = topics;
    this.topicFirstAt = topicFirstAt;
    this.influenceAt = influenceAt;
    this.influence = influence;
  }

  /** An activity from its parts, as {@link ProfileCodec} decodes it; the arrays must already be sorted. */
  static Activity restore(OrderFact[] orders, RefundFact[] refunds, long[] marks, long[] followers, String[] topics,
      long[] topicFirstAt, long[] influenceAt, BigDecimal[] influence) {
    return new Activity(orders, refunds, marks, followers, topics, topicFirstAt, influenceAt, influence);
  }

  /** A refund as the metrics need it. */
  record RefundFact(long orderKey, long at, long amount) {}

  /** {@code orders} with {@code fact} in its place by time, after the orders of the same instant. */
  static OrderFact[] withOrder(OrderFact[] orders, OrderFact fact) {
    // from the newest: orders mostly arrive in time order, and each fact read is a separate object to fetch
    int pos = orders.length;
    while (pos > 0 && orders[pos - 1].at > fact.at) {
      pos--;
    }
    OrderFact[] copy = new OrderFact[orders.length + 1];
    System.arraycopy(orders, 0, copy, 0, pos);
    copy[pos] = fact;
    System.arraycopy(orders, pos, copy, pos + 1, orders.length - pos);
    return copy;
  }

  /** {@code refunds} with {@code r} after them. */
  static RefundFact[] withRefund(RefundFact[] refunds, Refund r) {
    RefundFact[] copy = Arrays.copyOf(refunds, refunds.length + 1);
    copy[refunds.length] =
        new RefundFact(OrderFact.key(r.orderId()), r.occurredAt().toEpochMilli(), r.amount().minorUnits());
    return copy;
  }

  /** {@code followers} with the report {@code s} carries after them, or the same array if it carries none. */
  static long[] withFollowerReport(long[] followers, SocialInteraction s) {
    if (s.followerCount() == null) {
      return followers;
    }
    long[] copy = Arrays.copyOf(followers, followers.length + FOLLOWER_VALUES);
    copy[followers.length] = followerKey(s.occurredAt().toEpochMilli(), s.platform().ordinal());
    copy[followers.length + 1] = followerAccount(s);
    copy[followers.length + 2] = s.followerCount();
    return copy;
  }

  /**
   * The account whose follower count {@code s} reports: a fingerprint of the platform's identifier the event carries (a
   * union id before an open id, which is per app), or 0 when it carries none, in which case the report is of the
   * platform's one unnamed account. The fingerprint keeps two accounts of a merged customer apart without keeping the
   * identifier; an erasure replaces it by a plain number ({@link #anonymised}).
   */
  static long followerAccount(SocialInteraction s) {
    Identifier account = null;
    int accountRank = Integer.MAX_VALUE;
    List<Identifier> ids = s.identifiers();
    for (int i = 0; i < ids.size(); i++) { // no iterator: called for most social interactions
      Identifier id = ids.get(i);
      int rank = accountRank(s.platform(), id.type());
      if (rank >= 0 && (rank < accountRank || (rank == accountRank && id.key().compareTo(account.key()) < 0))) {
        account = id;
        accountRank = rank;
      }
    }
    if (account == null) {
      return 0;
    }
    long h = 0xCBF2_9CE4_8422_2325L;
    String key = account.key();
    for (int i = 0; i < key.length(); i++) {
      h = (h ^ key.charAt(i)) * 0x0000_0100_0000_01B3L;
    }
    h ^= h >>> 33;
    h *= 0xFF51_AFD7_ED55_8CCDL;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }

  /** How an identifier of {@code type} names an account on {@code platform}: 0 best, -1 not at all. */
  private static int accountRank(SocialPlatform platform, IdentifierType type) {
    return switch (platform) {
      case WECHAT -> type == IdentifierType.WECHAT_UNIONID ? 0 : type == IdentifierType.WECHAT_OPENID ? 1 : -1;
      case WECOM -> type == IdentifierType.WECOM_EXTERNAL_USERID ? 0 : -1;
      case WEIBO -> type == IdentifierType.WEIBO_UID ? 0 : -1;
      case DOUYIN -> type == IdentifierType.DOUYIN_UNIONID ? 0 : type == IdentifierType.DOUYIN_OPENID ? 1 : -1;
      case XIAOHONGSHU -> type == IdentifierType.XIAOHONGSHU_USER_ID ? 0 : -1;
      case BRAND_APP -> type == IdentifierType.MEMBER_NUMBER ? 0 : -1;
    };
  }

  /**
   * The mark code of a community, campaign or referral event, or -1 for the other kinds (a social interaction's code
   * is {@link #code(SocialInteraction)}).
   */
  static int markCode(CustomerEvent event) {
    if (event instanceof CommunityActivity c) {
      return COMMUNITY + c.action().ordinal();
    } else if (event instanceof CampaignParticipation c) {
      return CAMPAIGN + c.action().ordinal();
    } else if (event instanceof ReferralInviteIssued) {
      return INVITE_ISSUED;
    } else if (event instanceof ReferralQualified) {
      return REFERRAL_QUALIFIED;
    } else if (event instanceof ReferralInviteResponded) {
      return INVITE_RESPONDED;
    }
    return -1;
  }

  /** The mark code of a social interaction. */
  static int code(SocialInteraction s) {
    return s.kind().ordinal() | (s.postId() != null ? BRAND_POST : 0);
  }

  static int indexOf(String[] values, String value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i].equals(value)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * This activity with {@code other}'s facts added, the same as applying the events behind {@code other}, in the order
   * they came, after those behind this one: orders and marks merge by time (this one's first among equals), refunds,
   * follower reports and influence scores follow this one's, a topic keeps its earliest first sighting.
   */
  Activity combined(Activity other) {
    OrderFact[] mergedOrders = orders;
    if (other.orders.length > 0) {
      mergedOrders = new OrderFact[orders.length + other.orders.length];
      int i = 0;
      int j = 0;
      for (int k = 0; k < mergedOrders.length; k++) {
        mergedOrders[k] = j == other.orders.length || (i < orders.length && orders[i].at <= other.orders[j].at)
            ? orders[i++] : other.orders[j++];
      }
    }
    long[] mergedMarks = marks;
    if (other.marks.length > 0) {
      mergedMarks = Arrays.copyOf(marks, marks.length + other.marks.length);
      System.arraycopy(other.marks, 0, mergedMarks, marks.length, other.marks.length);
      Arrays.sort(mergedMarks);
    }
    String[] mergedTopics = topics;
    long[] mergedTopicAt = topicFirstAt;
    for (int t = 0; t < other.topics.length; t++) {
      int i = indexOf(mergedTopics, other.topics[t]);
      if (i < 0) {
        mergedTopics = Arrays.copyOf(mergedTopics, mergedTopics.length + 1);
        mergedTopics[mergedTopics.length - 1] = other.topics[t];
        mergedTopicAt = Arrays.copyOf(mergedTopicAt, mergedTopicAt.length + 1);
        mergedTopicAt[mergedTopicAt.length - 1] = other.topicFirstAt[t];
      } else if (other.topicFirstAt[t] < mergedTopicAt[i]) {
        mergedTopicAt = mergedTopicAt == topicFirstAt ? mergedTopicAt.clone() : mergedTopicAt;
        mergedTopicAt[i] = other.topicFirstAt[t];
      }
    }
    return new Activity(mergedOrders, concat(refunds, other.refunds), mergedMarks, concat(followers, other.followers),
        mergedTopics, mergedTopicAt, concat(influenceAt, other.influenceAt), concat(influence, other.influence));
  }

  private static <T> T[] concat(T[] a, T[] b) {
    if (b.length == 0) {
      return a;
    }
    T[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /** {@code a} then {@code b}; {@code a} itself when {@code b} is empty. */
  static long[] concat(long[] a, long[] b) {
    if (b.length == 0) {
      return a;
    }
    long[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /** {@code sorted} with the mark of {@code code} at {@code at} in its place. */
  static long[] insertMark(long[] sorted, long at, int code) {
    long mark = (at << CODE_BITS) | code;
    int pos = Arrays.binarySearch(sorted, mark);
    int i = pos >= 0 ? pos : -pos - 1;
    long[] copy = new long[sorted.length + 1];
    System.arraycopy(sorted, 0, copy, 0, i);
    copy[i] = mark;
    System.arraycopy(sorted, i, copy, i + 1, sorted.length - i);
    return copy;
  }

  /**
   * The stable name of a mark code (without {@link #BRAND_POST}), for documents that must survive a reordering of the
   * enums behind the codes; null for a code no mark uses.
   */
  static @Nullable String codeName(int code) {
    if (code < COMMUNITY) {
      return code < InteractionKind.values().length ? "interaction." + InteractionKind.values()[code] : null;
    }
    if (code < CAMPAIGN) {
      return code - COMMUNITY < CommunityAction.values().length
          ? "community." + CommunityAction.values()[code - COMMUNITY] : null;
    }
    if (code < INVITE_ISSUED) {
      return code - CAMPAIGN < CampaignAction.values().length
          ? "campaign." + CampaignAction.values()[code - CAMPAIGN] : null;
    }
    return switch (code) {
      case INVITE_ISSUED -> "referral.INVITE_ISSUED";
      case REFERRAL_QUALIFIED -> "referral.QUALIFIED";
      case INVITE_RESPONDED -> "referral.INVITE_RESPONDED";
      default -> null;
    };
  }

  /** The mark code named {@code name} by {@link #codeName}, or -1 when no code has that name. */
  static int codeNamed(String name) {
    for (int code = 0; code < BRAND_POST; code++) {
      if (name.equals(codeName(code))) {
        return code;
      }
    }
    return -1;
  }

  /** A follower report's instant and platform in one {@code long}: {@code epochMilli << 4 | platform ordinal}. */
  static long followerKey(long epochMilli, int platform) {
    if (platform < 0 || platform >= PLATFORMS) {
      throw new IllegalArgumentException("a platform number must be in [0, " + PLATFORMS + "), but was " + platform);
    }
    return (epochMilli << PLATFORM_BITS) | platform;
  }

  static long followerAt(long key) {
    return key >> PLATFORM_BITS;
  }

  static int followerPlatform(long key) {
    return (int) (key & (PLATFORMS - 1));
  }

  static long markTime(long mark) {
    return mark >> CODE_BITS;
  }

  static int markCode(long mark) {
    return (int) (mark & ((1 << CODE_BITS) - 1));
  }

  /**
   * Without topics (interests are personal profiling), and with each follower account's fingerprint replaced by its
   * rank among the customer's accounts, which still tells the accounts apart; counts and amounts stay.
   */
  Activity anonymised() {
    long[] accounts = new long[followers.length / FOLLOWER_VALUES];
    for (int i = 0; i < accounts.length; i++) {
      accounts[i] = followers[i * FOLLOWER_VALUES + 1];
    }
    long[] distinct = Arrays.stream(accounts).filter(a -> a != 0).sorted().distinct().toArray();
    long[] ranked = followers.clone();
    for (int i = 0; i < accounts.length; i++) {
      ranked[i * FOLLOWER_VALUES + 1] = accounts[i] == 0 ? 0 : Arrays.binarySearch(distinct, accounts[i]) + 1;
    }
    return new Activity(orders, refunds, marks, ranked, new String[0], new long[0], influenceAt, influence);
  }
}
