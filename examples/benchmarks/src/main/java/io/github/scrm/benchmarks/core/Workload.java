package io.github.scrm.benchmarks.core;

import io.github.scrm.core.Scrm;
import io.github.scrm.core.consent.ConsentStatus;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.event.CommunityAction;
import io.github.scrm.core.event.CommunityActivity;
import io.github.scrm.core.event.ConsentChanged;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.InteractionKind;
import io.github.scrm.core.event.MembershipJoined;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.event.Purchase;
import io.github.scrm.core.event.PurchaseLine;
import io.github.scrm.core.event.Refund;
import io.github.scrm.core.event.SocialInteraction;
import io.github.scrm.core.event.SocialPlatform;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.spi.EventLog;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.internal.CustomerTable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A synthetic retail and social workload: {@code customers} members, each known by a member number, a third also by a
 * WeChat unionid; a mixed stream of events (30% purchases, 10% refunds, 40% social interactions, 10% group messages,
 * 10% profile and consent updates) spread over the last 400 days.
 */
final class Workload {

  static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
  private static final String[] BRANDS = {"Nike", "Adidas", "Anta", "Lining", "Puma", "Uniqlo", "Muji", "Pop Mart"};
  private static final String[] CATEGORIES = {"shoes", "apparel", "toys", "home", "beauty"};
  private static final String[] CITIES = {"Shanghai", "Beijing", "Hangzhou", "Chengdu", "Shenzhen"};
  private static final Money PRICE = Money.fen(199_00);
  private static final Money NO_DISCOUNT = Money.fen(0);

  final int customers;
  final Identifier[] members;
  final Identifier[] unionids;

  Workload(int customers) {
    this.customers = customers;
    this.members = new Identifier[customers];
    this.unionids = new Identifier[customers];
    for (int c = 0; c < customers; c++) {
      members[c] = Identifier.of(IdentifierType.MEMBER_NUMBER, "M" + (10_000_000 + c));
      unionids[c] = Identifier.scoped(IdentifierType.WECHAT_UNIONID, "open-brand", "oU" + Integer.toHexString(c * 31 + 7));
    }
  }

  /** A builder on the in-memory defaults: the shared customer table and the in-memory event log. */
  static Scrm.Builder builder() {
    return Scrm.builder()
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .idSource(IdSource.sequential("c", 1))
        .phoneHashKey("benchmark-key-0123456789".getBytes(StandardCharsets.UTF_8));
  }

  /** A builder over the given stores, so a caller can measure them. */
  static Scrm.Builder builder(CustomerTable customers, EventLog log) {
    return builder().profileStore(customers.profileStore()).identityIndex(customers.identityIndex()).eventLog(log);
  }

  /** Every customer joins: one event each, binding the member number. */
  void joinAll(Scrm scrm) {
    for (int c = 0; c < customers; c++) {
      scrm.ingest(join(c));
    }
  }

  /** Customer {@code c}'s membership join. */
  MembershipJoined join(int c) {
    return new MembershipJoined("join-" + c, NOW.minus(Duration.ofDays(400 + c % 300)), NOW, "wechat",
        List.of(members[c]), null);
  }

  /** The customer the {@code i}-th event of the mixed stream is about. */
  int customerOf(long i) {
    return (int) Long.remainderUnsigned(mix(i), customers);
  }

  /** The {@code i}-th event of the mixed stream, with ids prefixed by {@code prefix}. */
  CustomerEvent event(String prefix, long i) {
    long h = mix(i);
    int c = (int) Long.remainderUnsigned(h, customers);
    int kind = (int) ((h >>> 40) % 10);
    Instant at = NOW.minus(Duration.ofMinutes((h >>> 20) % (400L * 24 * 60)));
    String id = prefix + i;
    List<Identifier> ids = c % 3 == 0 && kind < 3 ? List.of(members[c], unionids[c])
        : c % 3 == 0 && kind >= 8 ? List.of(unionids[c]) : List.of(members[c]);
    int n = (int) (h & 0xffff);
    switch (kind) {
      case 0, 1, 2:
        PurchaseLine line = new PurchaseLine("sku-" + (n % 500), BRANDS[n % BRANDS.length],
            CATEGORIES[n % CATEGORIES.length], 1 + n % 3, PRICE, n % 4 == 0 ? Money.fen(20_00) : NO_DISCOUNT);
        return new Purchase(id, at, at, "erp", ids, "o-" + c + "-" + (n % 8), List.of(line), line.netAmount(),
            n % 5 == 0 ? List.of("C" + (n % 50)) : List.of(), n % 2 == 0 ? "store" : "miniprogram",
            n % 2 == 0 ? "S" + (n % 40) : null, null);
      case 3:
        return new Refund(id, at, at, "erp", ids, "o-" + c + "-" + (n % 8), List.of(), Money.fen(50_00));
      case 4, 5, 6, 7:
        InteractionKind ik = InteractionKind.values()[n % InteractionKind.values().length];
        return new SocialInteraction(id, at, at, "douyin", ids, SocialPlatform.values()[n % 4], ik,
            ik == InteractionKind.REVIEW ? 1 + n % 5 : null, null, (long) n * 3, n % 2 == 0 ? "post-" + (n % 100) : null,
            n % 3 == 0 ? List.of("topic-" + (n % 20)) : List.of());
      case 8:
        return new CommunityActivity(id, at, at, "wecom", ids, "g-" + (n % 100), CommunityAction.MESSAGE, null);
      default:
        return n % 2 == 0
            ? ProfileUpdated.of(id, at, "app", ids).withLocation(CITIES[n % CITIES.length], null)
            : new ConsentChanged(id, at, at, "store-pos", ids, ContactChannel.values()[n % 3],
                ContactPurpose.MARKETING, n % 4 == 0 ? ConsentStatus.WITHDRAWN : ConsentStatus.GRANTED);
    }
  }

  /** A 64-bit mixer (splitmix64 finaliser): spreads consecutive indexes over customers and kinds. */
  static long mix(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
