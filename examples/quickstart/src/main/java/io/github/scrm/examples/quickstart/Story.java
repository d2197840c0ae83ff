package io.github.scrm.examples.quickstart;

import io.github.scrm.core.Scrm;
import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.consent.ConsentStatus;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.ConsentChanged;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.IngestOutcome;
import io.github.scrm.core.event.InteractionKind;
import io.github.scrm.core.event.MembershipJoined;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.event.Purchase;
import io.github.scrm.core.event.PurchaseLine;
import io.github.scrm.core.event.SocialInteraction;
import io.github.scrm.core.event.SocialPlatform;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.profile.CustomerProfile;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.time.BusinessTime;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The end-to-end story: a season at Lumen, a clothing brand, told in six short sections on generated data. Everything
 * is deterministic (a fixed clock at 2026-09-30 10:00 Asia/Shanghai, sequential ids, a seeded generator), so two runs
 * print the same text.
 */
final class Story {

  static final ZoneId SHANGHAI = BusinessTime.SHANGHAI;
  static final Instant NOW = LocalDateTime.parse("2026-09-30T10:00").atZone(SHANGHAI).toInstant();
  static final int CUSTOMERS = 3_000;
  static final long SEED = 20260930L;

  final PrintStream out;
  final Clock clock = Clock.fixed(NOW, SHANGHAI);
  final BusinessTime time = new BusinessTime(clock, SHANGHAI);
  final Scrm scrm = Scrm.builder().clock(clock).zone(SHANGHAI).idSource(IdSource.sequential("c", SEED))
      .phoneHashKey("lumen-demo-phone-hash-key".getBytes(StandardCharsets.UTF_8)).build();
  final World world;
  /** Every customer of the world (and Mei) as resolved by scrm-core, in generation order. */
  final List<CustomerId> customers = new ArrayList<>();
  final Map<CustomerId, AttributeValues> values = new LinkedHashMap<>();

  // Mei, who arrives through three channels in section 1
  final Identifier meiOpenid = Identifier.scoped(IdentifierType.WECHAT_OPENID, World.WECHAT_APP, "o-mei-7731");
  final Identifier meiUnionid = Identifier.scoped(IdentifierType.WECHAT_UNIONID, World.UNION, "u-mei-7731");
  final Identifier meiDouyin = Identifier.scoped(IdentifierType.DOUYIN_OPENID, World.DOUYIN_APP, "d-mei-7731");
  final Identifier meiMember = Identifier.of(IdentifierType.MEMBER_NUMBER, "M90001");
  final Identifier meiPhone;
  CustomerId mei = CustomerId.of("unknown");

  Story(PrintStream out) {
    this.out = out;
    this.meiPhone = scrm.personalData().phone("+86 139-1234-5678");
    this.world = World.generate(CUSTOMERS, NOW, SEED, scrm.personalData());
  }

  /** Runs every section and prints it to {@code out}. */
  static void run(PrintStream out) {
    new Story(out).tell();
  }

  private void tell() {
    out.println("SCRM quickstart: a season at " + World.BRAND + ", " + CUSTOMERS + " customers, 3 stores, WeChat"
        + " and Douyin; as of " + LocalDateTime.ofInstant(NOW, SHANGHAI) + " Asia/Shanghai");
    ingestWorld();
    identities();
    snapshotValues();
    Audiences audiences = new Audiences(this);
    audiences.tags();
    audiences.endOfSeason();
    CouponChapter coupons = new CouponChapter(this, audiences);
    coupons.tell();
    new ReferralChapter(this, coupons.coupons.issuance().rewardIssuer()).tell(audiences.retailRules());
    new CommentChapter(this).tell();
  }

  private void ingestWorld() {
    long rejected = 0;
    for (CustomerEvent event : world.events) {
      if (scrm.ingest(event) instanceof IngestOutcome.Rejected r) {
        rejected++;
        if (rejected == 1) {
          out.println("  (first rejected event: " + r.problems() + ")");
        }
      }
    }
    for (World.Person p : world.people) {
      customers.add(scrm.profile(p.primary()).orElseThrow().id());
    }
    out.println("Generated " + world.events.size() + " events for " + customers.size() + " customers ("
        + rejected + " rejected).");
  }

  private void identities() {
    heading("1. Identities resolved");
    Instant t = NOW;
    out.println("Mei follows the official account on WeChat (openid + unionid):");
    Instant followed = t.minusSeconds(20 * 86_400L);
    step(new SocialInteraction("mei-1", followed, t, "wechat", List.of(meiOpenid, meiUnionid),
        SocialPlatform.WECHAT, InteractionKind.FOLLOW, null, null, null, null, List.of("knitwear")));
    scrm.ingest(new MembershipJoined("mei-0", followed, t, "wechat", List.of(meiOpenid, meiUnionid), null));
    out.println("She comments on a Douyin post from the Douyin shop, where she signed in with her phone:");
    step(new SocialInteraction("mei-2", t.minusSeconds(6 * 86_400L), t, "douyin", List.of(meiDouyin, meiPhone),
        SocialPlatform.DOUYIN, InteractionKind.COMMENT, null, "这件羊毛开衫好看，有米色吗？", 1_860L, "post-7",
        List.of("knitwear")));
    out.println("She buys in the Jing'an store, giving her phone and member number; the POS knows her unionid:");
    Instant bought = t.minusSeconds(2 * 86_400L);
    step(new Purchase("mei-3", bought, bought, "store-pos", List.of(meiPhone, meiMember, meiUnionid), "o-mei-1",
        List.of(new PurchaseLine("knit-01-lumen", World.BRAND, "knitwear", 1, Money.fen(599_00), Money.fen(120_00)),
            new PurchaseLine("scarf-01-lumen", World.BRAND, "accessories", 1, Money.fen(199_00), Money.fen(0))),
        Money.fen(678_00), List.of(), "store", "SH-Jingan", null));
    scrm.ingest(ProfileUpdated.of("mei-4", bought.plusSeconds(60), "store-pos", List.of(meiMember))
        .withDemographics(io.github.scrm.core.event.Gender.F, LocalDate.of(1994, 9, 18))
        .withLocation("Shanghai", "Shanghai").withMemberLevel("GOLD"));
    scrm.ingest(new ConsentChanged("mei-5", bought.plusSeconds(90), bought, "store-pos", List.of(meiMember),
        ContactChannel.WECOM, ContactPurpose.MARKETING, ConsentStatus.GRANTED));

    CustomerProfile profile = scrm.profile(meiDouyin).orElseThrow();
    mei = profile.id();
    customers.add(mei);
    out.println("One profile, " + mei + ", found by any of her identifiers (personal ones masked):");
    out.println("  " + profile.identifiers().stream().map(Story::shown).sorted().collect(Collectors.joining(", ")));
    AttributeValues v = profile.attributesAt(NOW, SHANGHAI);
    out.println("  orders " + v.get(StandardAttributes.ORDERS) + " | spend " + v.get(StandardAttributes.SPEND)
        + " | followers " + v.get(StandardAttributes.FOLLOWERS) + " | comments (30 days) "
        + v.get(StandardAttributes.COMMENTS_30D) + " | member since "
        + LocalDate.ofInstant(v.get(StandardAttributes.MEMBER_SINCE), SHANGHAI) + " via "
        + v.get(StandardAttributes.REGISTRATION_CHANNEL));
  }

  private void step(CustomerEvent event) {
    IngestOutcome outcome = scrm.ingest(event);
    if (outcome instanceof IngestOutcome.Accepted a) {
      String what = a.newCustomer() ? "new customer " + a.customer()
          : a.merges().isEmpty() ? "added to " + a.customer()
          : "linked: " + a.merges().size() + " profile(s) merged into " + a.customer();
      out.println("  -> " + what + (a.conflicts().isEmpty() ? "" : " (" + a.conflicts().size() + " conflicts)"));
    } else {
      out.println("  -> " + outcome);
    }
  }

  private void snapshotValues() {
    for (CustomerId id : customers) {
      values.put(id, scrm.profile(id).orElseThrow().attributesAt(NOW, SHANGHAI));
    }
  }

  void heading(String title) {
    out.println();
    out.println("== " + title + " ==");
  }

  /** An identifier for display: personal ones are already masked, platform ids show only their ends. */
  static String shown(Identifier id) {
    if (id.type().personal()) {
      return id.toString();
    }
    String v = id.value();
    String masked = v.length() <= 4 ? "****" : v.substring(0, 2) + "***" + v.substring(v.length() - 2);
    return id.scope().isEmpty() ? id.type() + ":" + masked : id.type() + "[" + id.scope() + "]:" + masked;
  }
}
