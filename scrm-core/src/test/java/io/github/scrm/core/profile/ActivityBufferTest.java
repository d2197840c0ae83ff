package io.github.scrm.core.profile;

import static io.github.scrm.core.Fixtures.daysAgo;
import static io.github.scrm.core.Fixtures.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.scrm.core.EventGenerators;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.InteractionKind;
import io.github.scrm.core.event.SocialInteraction;
import io.github.scrm.core.event.SocialPlatform;
import io.github.scrm.core.identity.Identifier;
import java.time.Instant;
import java.util.ArrayList;
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
   * The events through a buffer, the way a store applies them: each the buffer refuses folds it first; a read
   * (chosen by {@code seed}) folds it at any point in between.
   */
  private static CustomerProfile buffered(List<CustomerEvent> events, long seed) {
    Random reads = new Random(seed);
    ActivityBuffer buffer = new ActivityBuffer();
    CustomerProfile stored = start();
    for (CustomerEvent event : events) {
      if (!buffer.add(stored, event)) {
        stored = buffer.drainInto(stored).with(event);
        assertThat(buffer.isEmpty()).isTrue();
      }
      if (reads.nextInt(4) == 0) {
        stored = buffer.drainInto(stored);
      }
    }
    return buffer.drainInto(stored);
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
  void add_refusesPurchasesAndFieldChanges_andChangesNothing() {
    List<EventGenerators.Spec> everyKind = new ArrayList<>();
    for (int kind = 0; kind <= 8; kind++) {
      everyKind.add(new EventGenerators.Spec(kind, 60 * kind, 1_000 + kind));
    }
    List<CustomerEvent> events = new ArrayList<>(EventGenerators.events("e", everyKind, member("M1")));
    events.addAll(ProfileCodecProperties.extras(3));
    CustomerProfile base = start();
    ActivityBuffer buffer = new ActivityBuffer();
    for (CustomerEvent event : events) {
      boolean taken = buffer.add(base, event);
      assertThat(taken).as(event.getClass().getSimpleName()).isEqualTo(!changesMoreThanActivity(event));
    }
    assertThat(buffer.size()).isEqualTo(events.stream().filter(e -> !changesMoreThanActivity(e)).count());
    buffer.clear();
    assertThat(buffer.isEmpty()).isTrue();
    assertThat(buffer.drainInto(base)).isSameAs(base);
  }

  private static boolean changesMoreThanActivity(CustomerEvent event) {
    return event instanceof io.github.scrm.core.event.Purchase
        || event instanceof io.github.scrm.core.event.ProfileUpdated
        || event instanceof io.github.scrm.core.event.MembershipJoined
        || event instanceof io.github.scrm.core.event.ConsentChanged
        || event instanceof io.github.scrm.core.event.InfluenceScored
        || event instanceof SocialInteraction s && !s.topics().isEmpty();
  }
}
