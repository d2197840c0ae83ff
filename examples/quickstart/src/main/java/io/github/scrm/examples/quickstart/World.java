package io.github.scrm.examples.quickstart;

import io.github.scrm.core.consent.ConsentStatus;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.event.ConsentChanged;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.Gender;
import io.github.scrm.core.event.InteractionKind;
import io.github.scrm.core.event.MembershipJoined;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.event.Purchase;
import io.github.scrm.core.event.PurchaseLine;
import io.github.scrm.core.event.SocialInteraction;
import io.github.scrm.core.event.SocialPlatform;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.identity.PersonalData;
import io.github.scrm.core.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * A generated, repeatable world: the customers of Lumen, a clothing brand with three stores, a WeChat official account
 * and a Douyin shop, over a season (the last 90 days, with some history before it). The same seed gives the same world.
 */
final class World {

  static final String BRAND = "Lumen";
  static final String WECHAT_APP = "wx-lumen-oa";
  static final String UNION = "open-lumen";
  static final String DOUYIN_APP = "dy-lumen";
  static final List<String> STORES = List.of("SH-Jingan", "SH-Xujiahui", "HZ-Hubin");
  private static final List<String> CITIES = List.of("Shanghai", "Shanghai", "Hangzhou");
  private static final List<String> OTHER_BRANDS = List.of("Aster", "Mori");
  private static final List<String> LEVELS = List.of("SILVER", "SILVER", "SILVER", "GOLD", "GOLD", "PLATINUM");
  private static final String[][] ITEMS = {
      {"knit-01", "knitwear", "59900"}, {"knit-02", "knitwear", "45900"}, {"coat-01", "outerwear", "129900"},
      {"dress-01", "dresses", "69900"}, {"jeans-01", "denim", "39900"}, {"tee-01", "t-shirts", "12900"},
      {"scarf-01", "accessories", "19900"}};
  static final List<String> PRAISE = List.of("这件毛衣很舒服，颜色也好看", "版型很正，下次还来", "店员很热情，试穿体验很好",
      "面料不错，性价比高", "喜欢这个系列的设计", "物流很快，包装也精致");
  static final List<String> COMPLAINTS = List.of("洗了一次就掉色，质量太差了", "尺码偏小，穿不上，退货还要自己付运费",
      "客服态度很差，问了三次都没人回", "下单一周了还没发货，太慢了", "优惠券用不了，说好的满减呢？",
      "衣服线头很多，做工粗糙，和图片差太多");

  /** One customer as generated: how to reach them and what they are like. */
  record Person(int index, Identifier primary, @Nullable Identifier unionid, @Nullable Identifier phone,
      Identifier memberNumber, String store, boolean bargainHunter, long followers) {}

  /** A comment someone left on a brand post, for the triage queue. */
  record PostComment(String id, int author, SocialPlatform platform, String text, long followers, long likes,
      Instant at) {}

  /** "from led to to buying or following": referrals and shares, for the influence ranking. */
  record Influence(int from, int to, boolean referral, long gmvFen) {}

  final Instant now;
  final List<Person> people = new ArrayList<>();
  final List<CustomerEvent> events = new ArrayList<>();
  final List<PostComment> comments = new ArrayList<>();
  final List<Influence> influence = new ArrayList<>();
  private final java.util.BitSet buyers = new java.util.BitSet();
  private final Random random;
  private final PersonalData personalData;
  private long nextEvent;

  private World(Instant now, long seed, PersonalData personalData) {
    this.now = now;
    this.random = new Random(seed);
    this.personalData = personalData;
  }

  /** {@code customers} customers as of {@code now}, with phones hashed by {@code personalData}. */
  static World generate(int customers, Instant now, long seed, PersonalData personalData) {
    World world = new World(now, seed, personalData);
    for (int i = 1; i <= customers; i++) {
      world.person(i);
    }
    world.headlines();
    world.influenceEdges();
    return world;
  }

  private void person(int i) {
    double channel = random.nextDouble();
    Identifier member = Identifier.of(IdentifierType.MEMBER_NUMBER, String.format("M%05d", i));
    Identifier unionid = null;
    Identifier primary;
    String joinChannel;
    if (channel < 0.6) {
      unionid = Identifier.scoped(IdentifierType.WECHAT_UNIONID, UNION, String.format("u-%05d", i));
      primary = unionid;
      joinChannel = "wechat";
    } else if (channel < 0.85) {
      primary = Identifier.scoped(IdentifierType.DOUYIN_OPENID, DOUYIN_APP, String.format("d-%05d", i));
      joinChannel = "douyin";
    } else {
      primary = member;
      joinChannel = "store-pos";
    }
    Identifier phone = random.nextDouble() < 0.7 ? personalData.phone(String.format("139%08d", 20_000_000 + i * 7))
        : null;
    String store = STORES.get(random.nextInt(STORES.size()));
    boolean bargainHunter = random.nextDouble() < 0.3;
    long followers = random.nextDouble() < 0.02 ? 5_000 + random.nextInt(45_000)
        : (long) Math.exp(random.nextDouble() * 7);
    Person p = new Person(i, primary, unionid, phone, member, store, bargainHunter, followers);
    people.add(p);

    Instant joined = daysAgo(random.nextDouble() < 0.1 ? 1 + random.nextInt(29) : 30 + random.nextInt(370));
    add(new MembershipJoined(id(), joined, joined, joinChannel, List.of(primary), null));
    ProfileUpdated profile = ProfileUpdated.of(id(), joined.plusSeconds(60), joinChannel, List.of(primary))
        .withDemographics(random.nextDouble() < 0.72 ? Gender.F : Gender.M,
            LocalDate.of(1975 + random.nextInt(29), 1 + random.nextInt(12), 1 + random.nextInt(28)))
        .withLocation(CITIES.get(STORES.indexOf(store)), null)
        .withMemberLevel(LEVELS.get(random.nextInt(LEVELS.size())));
    if (random.nextDouble() < 0.04) {
      profile = profile.withNoPersonalisedMarketing(true);
    }
    add(profile);
    if (random.nextDouble() < 0.78) {
      consent(primary, joined.plusSeconds(120), ContactChannel.WECOM, ConsentStatus.GRANTED);
      if (random.nextDouble() < 0.05) {
        consent(primary, daysAgo(random.nextInt(20)), ContactChannel.WECOM, ConsentStatus.WITHDRAWN);
      }
    }
    int orders = random.nextDouble() < 0.25 ? 0 : 1 + random.nextInt(random.nextDouble() < 0.2 ? 8 : 3);
    if (orders > 0) {
      buyers.set(i);
    }
    for (int o = 0; o < orders; o++) {
      order(p, o, joined);
    }
    social(p, joined);
  }

  private void order(Person p, int o, Instant joined) {
    Instant at = later(joined, daysAgo(random.nextDouble() < 0.6 ? random.nextInt(90) : 90 + random.nextInt(200)));
    List<PurchaseLine> lines = new ArrayList<>();
    long paid = 0;
    for (int l = 0, n = 1 + random.nextInt(3); l < n; l++) {
      String[] item = ITEMS[random.nextInt(ITEMS.length)];
      String brand = random.nextDouble() < 0.8 ? BRAND : OTHER_BRANDS.get(random.nextInt(OTHER_BRANDS.size()));
      long price = Long.parseLong(item[2]);
      boolean discounted = random.nextDouble() < (p.bargainHunter() ? 0.85 : 0.15);
      long discount = discounted ? price * (20 + random.nextInt(21)) / 100 : 0;
      lines.add(new PurchaseLine(item[0] + "-" + brand.toLowerCase(), brand, item[1], 1, Money.fen(price),
          Money.fen(discount)));
      paid += price - discount;
    }
    boolean inStore = p.unionid() == null || random.nextDouble() < 0.5;
    List<Identifier> ids = new ArrayList<>(List.of(p.primary()));
    if (!p.primary().equals(p.memberNumber())) {
      ids.add(p.memberNumber());
    }
    if (p.phone() != null) {
      ids.add(p.phone());
    }
    add(new Purchase(id(), at, at, inStore ? "store-pos" : "miniprogram", ids, String.format("o-%05d-%d",
        p.index(), o), lines, Money.fen(paid), List.of(), inStore ? "store" : "miniprogram",
        inStore ? p.store() : null, null));
  }

  private void social(Person p, Instant joined) {
    SocialPlatform platform = p.primary().type() == IdentifierType.DOUYIN_OPENID ? SocialPlatform.DOUYIN
        : SocialPlatform.WECHAT;
    if (platform == SocialPlatform.WECHAT || random.nextDouble() < 0.5) {
      interaction(p, platform, InteractionKind.FOLLOW, joined, null);
    }
    int activity = random.nextDouble() < 0.3 ? random.nextInt(25) : random.nextInt(4);
    for (int k = 0; k < activity; k++) {
      Instant at = later(joined, daysAgo(random.nextInt(90)).minusSeconds(random.nextInt(80_000)));
      double kind = random.nextDouble();
      if (kind < 0.55) {
        interaction(p, platform, InteractionKind.LIKE, at, null);
      } else if (kind < 0.8) {
        interaction(p, platform, InteractionKind.SHARE, at, null);
      } else {
        comment(p, platform, at);
      }
    }
    // a few comments in the last two days, which the triage queue sees
    if (random.nextDouble() < 0.05) {
      comment(p, platform, now.minusSeconds(600 + random.nextInt(170_000)));
    }
  }

  /** Three comments of the last hours that the brand must not miss. */
  private void headlines() {
    Person loudest = people.stream().max(java.util.Comparator.comparingLong(Person::followers)).orElseThrow();
    headline(loudest, SocialPlatform.DOUYIN, "洗了一次就掉色，还染了别的衣服，大家别买了！！", 640, 40);
    headline(people.get(buyers.nextSetBit(2) - 1), SocialPlatform.WECHAT, "退款申请五天了没人处理，我要打12315投诉", 3, 180);
    headline(people.get(17), SocialPlatform.WECHAT, "专柜买的吊牌和官网不一样，是假货吗？", 12, 95);
  }

  private void headline(Person p, SocialPlatform platform, String text, long likes, int minutesAgo) {
    Instant at = now.minus(Duration.ofMinutes(minutesAgo));
    String eventId = interaction(p, platform, InteractionKind.COMMENT, at, text);
    comments.add(new PostComment(eventId, p.index(), platform, text, p.followers(), likes, at));
  }

  private void comment(Person p, SocialPlatform platform, Instant at) {
    boolean complaint = random.nextDouble() < 0.25;
    List<String> pool = complaint ? COMPLAINTS : PRAISE;
    String text = pool.get(random.nextInt(pool.size()));
    String eventId = interaction(p, platform, InteractionKind.COMMENT, at, text);
    comments.add(new PostComment(eventId, p.index(), platform, text, p.followers(), random.nextInt(40), at));
  }

  private String interaction(Person p, SocialPlatform platform, InteractionKind kind, Instant at,
      @Nullable String text) {
    String eventId = id();
    add(new SocialInteraction(eventId, at, at, platform.name().toLowerCase(), List.of(p.primary()), platform, kind,
        null, text, p.followers(), "post-" + (1 + random.nextInt(30)), List.of()));
    return eventId;
  }

  private void consent(Identifier who, Instant at, ContactChannel channel, ConsentStatus status) {
    add(new ConsentChanged(id(), at, at, "wechat", List.of(who), channel, ContactPurpose.MARKETING, status));
  }

  /** Influencers (many followers) refer more friends and their shares lead to purchases. */
  private void influenceEdges() {
    List<Person> loud = people.stream().filter(p -> p.followers() >= 500).toList();
    for (Person p : people) {
      if (random.nextDouble() < 0.15 && !loud.isEmpty()) {
        Person from = loud.get(random.nextInt(loud.size()));
        if (from.index() != p.index()) {
          boolean referral = random.nextDouble() < 0.5;
          influence.add(new Influence(from.index(), p.index(), referral,
              referral ? 0 : 29_900 + random.nextInt(100_000)));
        }
      }
      if (random.nextDouble() < 0.05) {
        int to = 1 + random.nextInt(people.size());
        if (to != p.index()) {
          influence.add(new Influence(p.index(), to, false, 19_900));
        }
      }
    }
  }

  private Instant daysAgo(int days) {
    return now.minus(Duration.ofDays(days)).minusSeconds(random.nextInt(36_000));
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a.plusSeconds(3_600) : b;
  }

  private String id() {
    return "w-" + (++nextEvent);
  }

  private void add(CustomerEvent event) {
    events.add(event);
  }
}
