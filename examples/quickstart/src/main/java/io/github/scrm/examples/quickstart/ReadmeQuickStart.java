package io.github.scrm.examples.quickstart;

import static io.github.scrm.core.attribute.StandardAttributes.FOLLOWERS;
import static io.github.scrm.core.attribute.StandardAttributes.ORDERS;
import static io.github.scrm.core.attribute.StandardAttributes.SPEND;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.scrm.core.Scrm;
import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.event.InteractionKind;
import io.github.scrm.core.event.Purchase;
import io.github.scrm.core.event.PurchaseLine;
import io.github.scrm.core.event.SocialInteraction;
import io.github.scrm.core.event.SocialPlatform;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.money.Money;
import io.github.scrm.segmentation.Segmentation;
import io.github.scrm.segmentation.ShippedRuleSets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The README's quick start: one customer, a follow and a purchase, looked up by phone, on the in-memory defaults. */
public final class ReadmeQuickStart {
  private ReadmeQuickStart() {}

  /** Runs the quick start and prints the customer's metrics and tags. */
  public static void main(String[] args) {
    Clock clock = Clock.fixed(Instant.parse("2026-09-30T02:00:00Z"), ZoneOffset.UTC);
    // README:start
    Scrm scrm = Scrm.builder().clock(clock).phoneHashKey("a-secret-of-16+bytes".getBytes(UTF_8)).build();
    Identifier unionid = Identifier.scoped(IdentifierType.WECHAT_UNIONID, "open-lumen", "u-mei");
    Identifier phone = scrm.personalData().phone("139 1234 5678");
    Instant t = clock.instant();
    scrm.ingest(new SocialInteraction("e1", t.minusSeconds(86_400), t, "wechat", List.of(unionid),
        SocialPlatform.WECHAT, InteractionKind.FOLLOW, null, null, 1860L, null, List.of()));
    scrm.ingest(new Purchase("e2", t.minusSeconds(3_600), t, "store-pos", List.of(unionid, phone), "order-1",
        List.of(new PurchaseLine("knit-01", "Lumen", "knitwear", 1, Money.fen(599_00), Money.fen(0))),
        Money.fen(599_00), List.of(), "store", "SH-Jingan", null));
    AttributeValues values = scrm.profile(phone).orElseThrow().attributesAt(t);
    System.out.println("orders: " + values.get(ORDERS) + ", spend: " + values.get(SPEND) + ", followers: "
        + values.get(FOLLOWERS));
    Segmentation segmentation = Segmentation.builder().businessTime(scrm.time()).build();
    segmentation.activate(ShippedRuleSets.retailSeed());
    System.out.println("tags: " + segmentation.active().orElseThrow().evaluate(values, t).tagNames());
    // README:end
  }
}
