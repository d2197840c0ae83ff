package io.github.scrm.core.profile;

import static io.github.scrm.core.Fixtures.daysAgo;
import static io.github.scrm.core.Fixtures.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.scrm.core.EventGenerators;
import io.github.scrm.core.Fixtures;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.InteractionKind;
import io.github.scrm.core.event.Purchase;
import io.github.scrm.core.event.PurchaseLine;
import io.github.scrm.core.event.Refund;
import io.github.scrm.core.event.SocialInteraction;
import io.github.scrm.core.event.SocialPlatform;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Events held in a buffer and folded in give the profile that applying them one after another gives. */
final class ActivityBufferTest {

  private static final CustomerId ID = CustomerId.of("c-buffer");
  private static final List<Identifier> IDS = List.of(member("M1"));

  private static CustomerProfile start() {
    return CustomerProfile.empty(ID).withIdentifiers(IDS);
  }

  private static CustomerProfile oneByOne(List<CustomerEvent> events) {
    CustomerProfile profile = start();
    for (CustomerEvent event : events) {
      profile = profile.with(event);
    }
    return profile;
  }

  /**
   * The events through a buffer, the way a store applies them: an event the buffer refuses drains it and is offered
   * again, and applied to the profile if refused again; a read (chosen by {@code seed}) drains it at any point.
   */
  private static CustomerProfile buffered(List<CustomerEvent> events, long seed) {
    Random reads = new Random(seed);
    ActivityBuffer buffer = new ActivityBuffer();
    CustomerProfile stored = start();
    for (CustomerEvent event : events) {
      int before = buffer.size();
      buffer.touch(); // as a store's batch warming does: changes nothing
      assertThat(buffer.size()).isEqualTo(before);
      if (!buffer.add(stored, event)) {
        stored = buffer.drainInto(stored);
        assertThat(buffer.isEmpty()).isTrue();
        if (!buffer.add(stored, event)) {
          stored = stored.with(event);
        }
      }
      if (reads.nextInt(4) == 0) {
        stored = buffer.drainInto(stored);
      }
    }
    return buffer.drainInto(stored);
  }

  /**
   * Orders and a refund the generated histories lack (several lines, another currency, no store, coupons, two at one
   * instant), between which the buffer is drained.
   */
  private static List<CustomerEvent> baskets(long seed) {
    Instant at = daysAgo(seed % 12);
    Currency usd = Currency.getInstance("USD");
    PurchaseLine shoes = new PurchaseLine("sku-9", "Li-Ning", "shoes", 1, Money.of(80_00, usd), Money.of(5_00, usd));
    PurchaseLine socks = new PurchaseLine("sku-8", "Uniqlo", "apparel", 3, Money.of(2_00, usd), Money.zero(usd));
    PurchaseLine toy = new PurchaseLine("sku-7", "Pop Mart", "toys", 1, Money.fen(59_00), Money.fen(0));
    return List.of(
        new Purchase("b-1", at, at, "app", IDS, "ob-" + seed, List.of(shoes, socks), Money.of(81_00, usd),
            List.of("C1", "C2"), "app", null, null),
        new Purchase("b-2", at, at, "store", IDS, "oc-" + seed, List.of(toy), Money.fen(50_00), List.of(), "store",
            "S" + seed % 3, null),
        new Refund("b-3", at, at, "erp", IDS, "ob-" + seed, List.of(), Money.of(6_00, usd)));
  }

  private static SocialInteraction comment(String id, Instant at, List<String> topics) {
    return new SocialInteraction(id, at, at, "douyin", IDS, SocialPlatform.DOUYIN, InteractionKind.COMMENT, null,
        "nice", 120L, "post-1", topics);
  }

  @Test
  void drainInto_givesTheProfileOfApplyingEveryEventInTurn() {
    qt().withExamples(200).forAll(EventGenerators.histories(60), longs().between(0, 999))
        .checkAssert((specs, seed) -> {
          List<CustomerEvent> events = new ArrayList<>(EventGenerators.events("e", specs, member("M1")));
          events.addAll((int) (seed % (events.size() + 1)), ProfileCodecProperties.extras(seed));
          events.addAll((int) (seed * 7 % (events.size() + 1)), baskets(seed));
          CustomerProfile expected = oneByOne(events);
          CustomerProfile actual = buffered(events, seed);
          assertThat(ProfileCodec.toJson(actual)).isEqualTo(ProfileCodec.toJson(expected));
          ProfileCodecProperties.assertSameState(actual, expected);
        });
  }

  @Test
  void add_takesAnInteractionOnlyWhenItsTopicsAreKnownFromNoLaterThanIt() {
    CustomerProfile known = start().with(comment("e-1", daysAgo(10), List.of("sneakers")));
    ActivityBuffer buffer = new ActivityBuffer();

    assertThat(buffer.add(known, comment("e-2", daysAgo(5), List.of("sneakers")))).isTrue();
    assertThat(buffer.add(known, comment("e-3", daysAgo(5), List.of()))).isTrue();
    // a new topic, and a known one seen earlier than before, change the topics: the buffer does not hold those
    assertThat(buffer.add(known, comment("e-4", daysAgo(5), List.of("handbags")))).isFalse();
    assertThat(buffer.add(known, comment("e-5", daysAgo(20), List.of("sneakers")))).isFalse();
    assertThat(buffer.size()).isEqualTo(2);

    CustomerProfile folded = buffer.drainInto(known);
    assertThat(folded.eventCount()).isEqualTo(3);
    assertThat(folded.actionCount()).isEqualTo(3);
    assertThat(buffer.isEmpty()).isTrue();
    assertThat(buffer.drainInto(folded)).isSameAs(folded);
  }

  @Test
  void add_refusesOrdersFieldChangesAndNewTopics_andChangesNothing() {
    List<EventGenerators.Spec> everyKind = new ArrayList<>();
    for (int kind = 0; kind <= 8; kind++) {
      everyKind.add(new EventGenerators.Spec(kind, 60 * kind, 1_000 + kind));
    }
    List<CustomerEvent> events = new ArrayList<>(EventGenerators.events("e", everyKind, member("M1")));
    events.addAll(ProfileCodecProperties.extras(3));
    CustomerProfile base = start();
    for (CustomerEvent event : events) {
      ActivityBuffer buffer = new ActivityBuffer();
      boolean taken = buffer.add(base, event);
      assertThat(taken).as(event.getClass().getSimpleName()).isEqualTo(!changesMoreThanActivity(event));
      assertThat(buffer.size()).isEqualTo(taken ? 1 : 0);
      buffer.clear();
      assertThat(buffer.drainInto(base)).isSameAs(base);
    }
  }

  @Test
  void takesWithoutProfile_isWhatAddTakesWhenNotGivenTheProfile() {
    CustomerProfile known = start().with(comment("e-0", daysAgo(30), List.of("sneakers")));
    List<CustomerEvent> events = new ArrayList<>(ProfileCodecProperties.extras(5));
    for (int kind = 0; kind <= 8; kind++) {
      events.add(EventGenerators.events("k" + kind, List.of(new EventGenerators.Spec(kind, 90, 2_000 + kind)),
          member("M1")).get(0));
    }
    events.add(comment("e-1", daysAgo(3), List.of()));
    events.add(comment("e-2", daysAgo(3), List.of("sneakers")));
    int withoutProfile = 0;
    for (CustomerEvent event : events) {
      boolean taken = new ActivityBuffer().add(null, event);
      assertThat(taken).as(event.getClass().getSimpleName()).isEqualTo(ActivityBuffer.takesWithoutProfile(event));
      withoutProfile += taken ? 1 : 0;
      if (!taken && !changesMoreThanActivity(event)) {
        assertThat(new ActivityBuffer().add(known, event)).as("a known topic, with the profile").isTrue();
      }
    }
    assertThat(withoutProfile)
        .as("refunds, group messages, referral steps, a check-in, interactions without topics").isEqualTo(9);
  }

  @Test
  void add_refusesWhatNoLongerFits_untilDrained() {
    ActivityBuffer buffer = new ActivityBuffer();
    CustomerProfile base = start();
    int taken = 0;
    while (buffer.add(base, Fixtures.groupMessage("g-" + taken, daysAgo(taken % 9), member("M1")))) {
      taken++;
    }
    assertThat(taken).as("a mark takes two values").isEqualTo(ActivityBuffer.CAPACITY / 2);
    CustomerEvent refund = Fixtures.refund("r-1", "o-1", daysAgo(1), 100, member("M1"));
    assertThat(buffer.add(base, refund)).isFalse();
    assertThat(buffer.size()).isEqualTo(taken);

    CustomerProfile folded = buffer.drainInto(base);
    assertThat(folded.actionCount()).isEqualTo(taken);
    assertThat(buffer.add(folded, refund)).isTrue();
    assertThat(buffer.drainInto(folded).eventCount()).isEqualTo(taken + 1);
  }

  private static boolean changesMoreThanActivity(CustomerEvent event) {
    return event instanceof Purchase
        || event instanceof io.github.scrm.core.event.ProfileUpdated
        || event instanceof io.github.scrm.core.event.MembershipJoined
        || event instanceof io.github.scrm.core.event.ConsentChanged
        || event instanceof io.github.scrm.core.event.InfluenceScored
        || event instanceof SocialInteraction s && !s.topics().isEmpty();
  }
}
