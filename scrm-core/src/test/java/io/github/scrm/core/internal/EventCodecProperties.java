package io.github.scrm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.spi.EventLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class EventCodecProperties {

  /** Encodes {@code event} with its identifiers numbered in their own order, then decodes it. */
  private static CustomerEvent roundTrip(EventCodec codec, CustomerEvent event) {
    EventWriter out = EventWriter.local();
    codec.writeEvent(event, out);
    List<Identifier> ids = event.identifiers();
    out.writeVarint(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      out.writeVarint(i);
    }
    int end = out.position();
    byte[] bytes = java.util.Arrays.copyOf(out.bytes(), end);
    EventReader in = new EventReader(bytes, 0, codec.dictionary());
    CustomerEvent decoded = codec.readEvent(in, ids);
    assertThat(in.position()).as("bytes read of %d", end).isEqualTo(end);
    return decoded;
  }

  @Test
  void codec_everyKind_roundTripsExactly() {
    EventCodec codec = new EventCodec(new TextDictionary());
    qt().withExamples(600).forAll(longs().all(), integers().between(0, RandomEvents.KINDS - 1))
        .checkAssert((seed, kind) -> {
          RandomEvents random = new RandomEvents(seed);
          CustomerEvent event = random.event(kind, random.eventId());
          CustomerEvent decoded = roundTrip(codec, event);
          assertThat(decoded).isEqualTo(event);
          assertThat(decoded.identifiers()).extracting(Identifier::masked)
              .containsExactlyElementsOf(event.identifiers().stream().map(Identifier::masked).toList());
        });
  }

  @Test
  void codec_withAFullDictionary_writesTextsInlineAndStillRoundTrips() {
    EventCodec codec = new EventCodec(new TextDictionary(0, 0));
    qt().withExamples(300).forAll(longs().all(), integers().between(0, RandomEvents.KINDS - 1))
        .checkAssert((seed, kind) -> {
          RandomEvents random = new RandomEvents(seed);
          CustomerEvent event = random.event(kind, random.eventId());
          assertThat(roundTrip(codec, event)).isEqualTo(event);
        });
    assertThat(codec.dictionary().size()).isZero();
  }

  @Test
  void identifierDefinitions_roundTripWithTheirMaskedForm() {
    EventCodec codec = new EventCodec(new TextDictionary());
    qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
      for (Identifier id : new RandomEvents(seed).event("e").identifiers()) {
        EventWriter out = EventWriter.local();
        codec.writeIdentifier(id, out);
        Identifier decoded = codec.readIdentifier(new EventReader(out.bytes(), 0, codec.dictionary()));
        assertThat(decoded).isEqualTo(id);
        assertThat(decoded.masked()).isEqualTo(id.masked());
      }
    });
  }

  @Test
  void log_randomEventsOfManyOwners_comeBackEqualInAppendOrder() {
    qt().withExamples(150).forAll(longs().all(), integers().between(1, 40)).checkAssert((seed, count) -> {
      EventLog log = EventLog.inMemory();
      RandomEvents random = new RandomEvents(seed);
      List<List<CustomerEvent>> expected = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (int i = 0; i < count; i++) {
        CustomerEvent event = random.event(random.eventId());
        int owner = Math.floorMod(event.eventId().hashCode() + i, 3);
        boolean fresh = seen.add(event.eventId());
        assertThat(log.append(CustomerId.of("c-" + owner), event)).isEqualTo(fresh);
        if (fresh) {
          expected.get(owner).add(event);
        }
      }
      for (int owner = 0; owner < 3; owner++) {
        assertThat(log.eventsOf(CustomerId.of("c-" + owner))).containsExactlyElementsOf(expected.get(owner));
        for (CustomerEvent event : expected.get(owner)) {
          assertThat(log.ownerOf(event.eventId())).contains(CustomerId.of("c-" + owner));
        }
      }
    });
  }
}
