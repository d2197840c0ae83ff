package io.github.scrm.core.internal;

import io.github.scrm.core.Fixtures;
import io.github.scrm.core.consent.ConsentStatus;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CampaignAction;
import io.github.scrm.core.event.CampaignParticipation;
import io.github.scrm.core.event.CommunityAction;
import io.github.scrm.core.event.CommunityActivity;
import io.github.scrm.core.event.ConsentChanged;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.Gender;
import io.github.scrm.core.event.InfluenceScored;
import io.github.scrm.core.event.InteractionKind;
import io.github.scrm.core.event.MembershipJoined;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.event.Purchase;
import io.github.scrm.core.event.PurchaseLine;
import io.github.scrm.core.event.ReferralInviteIssued;
import io.github.scrm.core.event.ReferralInviteResponded;
import io.github.scrm.core.event.ReferralQualified;
import io.github.scrm.core.event.ReferralResponse;
import io.github.scrm.core.event.Refund;
import io.github.scrm.core.event.RefundLine;
import io.github.scrm.core.event.SocialInteraction;
import io.github.scrm.core.event.SocialPlatform;
import io.github.scrm.core.event.StaffContact;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.staff.StaffId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random events of every kind from a seed, with the awkward cases: absent optional fields, empty lists, Chinese and
 * emoji text, a lone surrogate, 256-character texts, extreme instants and amounts, ids with and without a number.
 */
final class RandomEvents {

  static final int KINDS = 13;

  private static final String[] TEXTS = {
    "a", "wechat", "store-pos", "Nike", "王小明", "上海市徐汇区", "好评！质量很好😀", "x\uD800y", "emoji 🎉🎉",
    "sku-00012", "S1", "with space", "0", "12345", "tab\there", "ß-é-ü", "x".repeat(256), "店-".repeat(80)
  };
  private static final Currency[] CURRENCIES = {
    Money.CNY, Currency.getInstance("USD"), Currency.getInstance("JPY"), Currency.getInstance("KWD")
  };

  private final Random random;

  /** The largest amount an event may carry, in minor units. */
  private static final long LARGEST = 1_000_000_000_000_000L;

  RandomEvents(long seed) {
    this.random = new Random(seed);
  }

  /** A random event of a random kind with id {@code eventId}. */
  CustomerEvent event(String eventId) {
    return event(random.nextInt(KINDS), eventId);
  }

  /** A random event of kind {@code kind} (0 to {@value #KINDS} - 1). */
  CustomerEvent event(int kind, String eventId) {
    Instant occurred = instant();
    Instant received = random.nextInt(3) == 0 ? instant() : occurred;
    String source = text();
    List<Identifier> ids = identifiers();
    switch (kind) {
      case 0:
        return new MembershipJoined(eventId, occurred, received, source, ids, maybe(text()));
      case 1:
        return profile(eventId, occurred, received, source, ids);
      case 2:
        return purchase(eventId, occurred, received, source, ids);
      case 3: {
        List<RefundLine> lines = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
          lines.add(new RefundLine(text(), 1 + random.nextInt(Integer.MAX_VALUE)));
        }
        return new Refund(eventId, occurred, received, source, ids, text(), lines, money(LARGEST));
      }
      case 4: {
        InteractionKind what = pick(InteractionKind.values());
        Integer rating = what == InteractionKind.REVIEW && random.nextBoolean() ? 1 + random.nextInt(5) : null;
        Long followers = random.nextBoolean() ? null : pick(new Long[] {0L, 1L, 127L, 128L, Long.MAX_VALUE});
        return new SocialInteraction(eventId, occurred, received, source, ids, pick(SocialPlatform.values()), what,
            rating, random.nextBoolean() ? null : pick(new String[] {"", "好", text()}), followers, maybe(text()),
            texts());
      }
      case 5:
        return new CommunityActivity(eventId, occurred, received, source, ids, text(), pick(CommunityAction.values()),
            maybe(text()));
      case 6:
        return new CampaignParticipation(eventId, occurred, received, source, ids, text(),
            pick(CampaignAction.values()));
      case 7:
        return new StaffContact(eventId, occurred, received, source, ids, StaffId.of("staff-" + random.nextInt(9)),
            pick(ContactChannel.values()), pick(ContactPurpose.values()), maybe(text()));
      case 8:
        return new ReferralInviteIssued(eventId, occurred, received, source, ids, text(), text());
      case 9:
        return new ReferralInviteResponded(eventId, occurred, received, source, ids, text(), text(),
            pick(ReferralResponse.values()));
      case 10:
        return new ReferralQualified(eventId, occurred, received, source, ids, text(), text(),
            CustomerId.of("c-" + random.nextInt(1000)));
      case 11:
        return new InfluenceScored(eventId, occurred, received, source, ids, score());
      default:
        return new ConsentChanged(eventId, occurred, received, source, ids, pick(ContactChannel.values()),
            pick(ContactPurpose.values()), pick(ConsentStatus.values()));
    }
  }

  /** An event id in one of the shapes hosts use. */
  String eventId() {
    switch (random.nextInt(8)) {
      case 0:
        return "e-" + random.nextInt(1_000_000);
      case 1:
        return "订单-" + random.nextInt(100);
      case 2:
        return "order-000" + random.nextInt(100);
      case 3:
        return "x" + Long.MAX_VALUE + random.nextInt(10);
      case 4:
        return String.valueOf(random.nextInt(1000));
      case 5:
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
      case 6:
        return "evt" + random.nextInt(10) + "-a";
      default:
        return text();
    }
  }

  private ProfileUpdated profile(String id, Instant occurred, Instant received, String source, List<Identifier> ids) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      attributes.put(text() + i, random.nextBoolean() ? "" : text());
    }
    LocalDate birthday = pick(new LocalDate[] {LocalDate.MIN, LocalDate.MAX, LocalDate.of(1988, 2, 29),
        LocalDate.ofEpochDay(random.nextInt(40_000) - 20_000)});
    return new ProfileUpdated(id, occurred, received, source, ids, maybe(text()), maybe(pick(Gender.values())),
        maybe(birthday), maybe(text()), maybe(text()), maybe(text()), maybe(text()),
        maybe(StaffId.of("s-" + random.nextInt(5))), maybe(random.nextBoolean()), texts(), texts(), attributes);
  }

  private Purchase purchase(String id, Instant occurred, Instant received, String source, List<Identifier> ids) {
    Currency currency = pick(CURRENCIES);
    List<PurchaseLine> lines = new ArrayList<>();
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      int quantity = 1 + random.nextInt(random.nextBoolean() ? 3 : 1000);
      long unit = random.nextBoolean()
          ? random.nextInt(100_000) : Math.floorMod(random.nextLong(), LARGEST / quantity + 1);
      long discount = unit == 0 ? 0 : Math.floorMod(random.nextLong(), unit * quantity + 1);
      lines.add(new PurchaseLine(text(), text(), text(), quantity, Money.of(unit, currency),
          Money.of(discount, currency)));
    }
    List<String> coupons = random.nextBoolean() ? List.of() : List.of("C-" + random.nextInt(100), text());
    return new Purchase(id, occurred, received, source, ids, text(), lines,
        Money.of(random.nextBoolean() ? 0
            : random.nextInt(10) == 0 ? LARGEST : Math.floorMod(random.nextLong(), LARGEST), currency), coupons, text(),
        maybe(text()), maybe(StaffId.of("s-" + random.nextInt(5))));
  }

  private BigDecimal score() {
    switch (random.nextInt(6)) {
      case 0:
        return BigDecimal.ZERO;
      case 1:
        return new BigDecimal("100.000");
      case 2:
        return new BigDecimal(BigInteger.ZERO, -7);
      case 3:
        return new BigDecimal("12.3456789012345678901234567890123456789");
      case 4:
        return new BigDecimal(BigInteger.ONE, 400);
      default:
        return BigDecimal.valueOf(random.nextInt(10_001), 2);
    }
  }

  private Instant instant() {
    switch (random.nextInt(6)) {
      case 0:
        return Instant.MIN;
      case 1:
        return Instant.MAX;
      case 2:
        return Instant.EPOCH;
      case 3:
        return Fixtures.NOW.minusSeconds(random.nextInt(400 * 86_400));
      case 4:
        return Instant.ofEpochSecond(random.nextLong() % 31_556_889_864_403_199L, random.nextInt(1_000_000_000));
      default:
        return Fixtures.NOW.plusNanos(random.nextLong() % 1_000_000_000_000L);
    }
  }

  private Money money(long max) {
    long amount = random.nextBoolean() ? random.nextInt(100_000) : Math.floorMod(random.nextLong(), max);
    return Money.of(random.nextInt(10) == 0 ? max : amount, pick(CURRENCIES));
  }

  private List<Identifier> identifiers() {
    List<Identifier> ids = new ArrayList<>();
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      switch (random.nextInt(5)) {
        case 0:
          ids.add(Fixtures.member("M" + random.nextInt(20)));
          break;
        case 1:
          ids.add(Identifier.scoped(IdentifierType.WECHAT_OPENID, "wx-app-" + random.nextInt(3), "o" + random.nextInt(50)));
          break;
        case 2:
          ids.add(Fixtures.phone("1380013" + (1000 + random.nextInt(9000))));
          break;
        case 3:
          ids.add(Identifier.of(IdentifierType.ERP_CUSTOMER_ID, "客户" + random.nextInt(5)));
          break;
        default:
          ids.add(new Identifier(IdentifierType.EMAIL, "", String.format("%032x", random.nextInt(5)),
              "w***@example.com"));
          break;
      }
    }
    return ids;
  }

  private String text() {
    return random.nextInt(3) == 0 ? "t-" + random.nextInt(50) : pick(TEXTS);
  }

  private List<String> texts() {
    List<String> texts = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      texts.add(text());
    }
    return texts;
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  private <T> @org.jspecify.annotations.Nullable T maybe(T value) {
    return random.nextBoolean() ? value : null;
  }
}
