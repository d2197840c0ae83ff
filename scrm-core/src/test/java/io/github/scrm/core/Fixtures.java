package io.github.scrm.core;

import io.github.scrm.core.consent.ConsentStatus;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.event.CommunityAction;
import io.github.scrm.core.event.CommunityActivity;
import io.github.scrm.core.event.ConsentChanged;
import io.github.scrm.core.event.InteractionKind;
import io.github.scrm.core.event.MembershipJoined;
import io.github.scrm.core.event.Purchase;
import io.github.scrm.core.event.PurchaseLine;
import io.github.scrm.core.event.Refund;
import io.github.scrm.core.event.RefundLine;
import io.github.scrm.core.event.SocialInteraction;
import io.github.scrm.core.event.SocialPlatform;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.identity.PersonalData;
import io.github.scrm.core.money.Money;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Test fixtures that read like prose; shared by the tests of scrm-core and published in its tests jar. */
public final class Fixtures {

  /** 2026-06-01T10:00 Shanghai. */
  public static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

  /** The hash key of the tests. */
  public static final byte[] KEY = "0123456789abcdef-test-key".getBytes(StandardCharsets.UTF_8);

  /** Personal data hashing with {@link #KEY}. */
  public static final PersonalData PERSONAL = PersonalData.withKey(KEY);

  private Fixtures() {}

  /** A member-number identifier. */
  public static Identifier member(String number) {
    return Identifier.of(IdentifierType.MEMBER_NUMBER, number);
  }

  /** A WeChat unionid in the brand's open platform. */
  public static Identifier unionid(String value) {
    return Identifier.scoped(IdentifierType.WECHAT_UNIONID, "open-brand", value);
  }

  /** A WeChat openid in the brand's mini program; not a personal type, so its key holds it in clear. */
  public static Identifier openid(String value) {
    return Identifier.scoped(IdentifierType.WECHAT_OPENID, "wx-brand", value);
  }

  /** A hashed phone. */
  public static Identifier phone(String clear) {
    return PERSONAL.phone(clear);
  }

  /** {@code days} days before {@link #NOW}. */
  public static Instant daysAgo(long days) {
    return NOW.minus(Duration.ofDays(days));
  }

  /** A membership join. */
  public static MembershipJoined joined(String eventId, Instant at, Identifier... ids) {
    return new MembershipJoined(eventId, at, at, "wechat", List.of(ids), null);
  }

  /** A one-line purchase of {@code fen} paid, brand {@code brand}, category shoes, in store S1. */
  public static Purchase purchase(String eventId, Instant at, long fen, Identifier... ids) {
    return purchase(eventId, "order-" + eventId, at, fen, "Nike", ids);
  }

  /** A one-line purchase of {@code fen} paid. */
  public static Purchase purchase(
      String eventId, String orderId, Instant at, long fen, String brand, Identifier... ids) {
    PurchaseLine line = new PurchaseLine("sku-1", brand, "shoes", 1, Money.fen(fen), Money.fen(0));
    return new Purchase(eventId, at, at, "erp", List.of(ids), orderId, List.of(line), Money.fen(fen), List.of(),
        "store", "S1", null);
  }

  /** A purchase with a coupon and a line discount. */
  public static Purchase discountedPurchase(String eventId, Instant at, long fen, Identifier... ids) {
    PurchaseLine line = new PurchaseLine("sku-2", "Adidas", "apparel", 2, Money.fen(fen), Money.fen(fen / 2));
    return new Purchase(eventId, at, at, "erp", List.of(ids), "order-" + eventId, List.of(line),
        Money.fen(fen + fen / 2), List.of("COUPON-1"), "miniprogram", null, null);
  }

  /** A full refund. */
  public static Refund refund(String eventId, String orderId, Instant at, long fen, Identifier... ids) {
    return new Refund(eventId, at, at, "erp", List.of(ids), orderId, List.of(), Money.fen(fen));
  }

  /** A partial refund of one line. */
  public static Refund partialRefund(String eventId, String orderId, Instant at, long fen, Identifier... ids) {
    return new Refund(eventId, at, at, "erp", List.of(ids), orderId, List.of(new RefundLine("sku-1", 1)),
        Money.fen(fen));
  }

  /** A social interaction on a brand post. */
  public static SocialInteraction social(String eventId, Instant at, InteractionKind kind, Identifier... ids) {
    return new SocialInteraction(eventId, at, at, "douyin", List.of(ids), SocialPlatform.DOUYIN, kind,
        kind == InteractionKind.REVIEW ? 4 : null, kind == InteractionKind.COMMENT ? "love it" : null, 1200L,
        "post-1", List.of("running"));
  }

  /** A group-chat message. */
  public static CommunityActivity groupMessage(String eventId, Instant at, Identifier... ids) {
    return new CommunityActivity(eventId, at, at, "wecom", List.of(ids), "group-1", CommunityAction.MESSAGE, "hi");
  }

  /** A consent change. */
  public static ConsentChanged consent(
      String eventId, Instant at, ContactChannel channel, ConsentStatus status, Identifier... ids) {
    return new ConsentChanged(eventId, at, at, "store-pos", List.of(ids), channel, ContactPurpose.MARKETING, status);
  }
}
