package io.github.scrm.core.internal;

import static io.github.scrm.core.Fixtures.daysAgo;
import static io.github.scrm.core.Fixtures.member;
import static io.github.scrm.core.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.Fixtures;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.spi.EventLog;
import io.github.scrm.core.spi.EventLogContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class InMemoryEventLogTest extends EventLogContract {

  private static final CustomerId A = CustomerId.of("c-a");
  private static final CustomerId B = CustomerId.of("c-b");

  @Override
  protected EventLog newLog() {
    return EventLog.inMemory();
  }

  /** A log whose fingerprints all collide: every lookup must be settled by the ids themselves. */
  private static EventLog collidingLog() {
    return new InMemoryEventLog(id -> 42L, new TextDictionary());
  }

  private static CustomerEvent event(String id) {
    return Fixtures.purchase(id, daysAgo(1), 10_00, member("M1"), phone("13800138000"));
  }

  @Test
  void append_idsWithTheSameFingerprint_areToldApartExactly() {
    EventLog log = collidingLog();
    assertThat(log.append(A, event("e1"))).isTrue();
    assertThat(log.append(B, event("e2"))).isTrue();
    assertThat(log.append(A, event("e3"))).isTrue();
    assertThat(log.append(B, event("e1"))).isFalse();
    assertThat(log.ownerOf("e1")).contains(A);
    assertThat(log.ownerOf("e2")).contains(B);
    assertThat(log.ownerOf("e4")).isEmpty();
    log.reassign("e3", B);
    assertThat(log.eventsOf(A)).containsExactly(event("e1"));
    assertThat(log.eventsOf(B)).containsExactly(event("e2"), event("e3"));
  }

  @Test
  void append_manyCollidingIds_growsTheTableAndFindsEveryOne() {
    EventLog log = new InMemoryEventLog(id -> (long) id.length() << 32, new TextDictionary());
    for (int i = 0; i < 500; i++) {
      assertThat(log.append(CustomerId.of("c-" + i % 7), event("e" + i))).isTrue();
    }
    for (int i = 0; i < 500; i++) {
      assertThat(log.ownerOf("e" + i)).contains(CustomerId.of("c-" + i % 7));
      assertThat(log.append(A, event("e" + i))).isFalse();
    }
  }

  @Test
  void erase_keepsTheOwnerOfErasedIdsAndOnlyCountsEventsWithContent() {
    EventLog log = newLog();
    log.append(A, event("e1"));
    log.append(A, event("e2"));
    assertThat(log.erase(A)).isEqualTo(2);
    assertThat(log.ownerOf("e1")).contains(A);
    assertThat(log.erase(A)).isZero();
    assertThat(log.append(A, event("e3"))).isTrue();
    assertThat(log.eventsOf(A)).containsExactly(event("e3"));
    assertThat(log.erase(B)).isZero();
  }

  @Test
  void reassign_anErasedEvent_movesOnlyItsId() {
    EventLog log = newLog();
    log.append(A, event("e1"));
    log.erase(A);
    log.reassign("e1", B);
    assertThat(log.ownerOf("e1")).contains(B);
    assertThat(log.eventsOf(B)).isEmpty();
    assertThat(log.append(B, event("e1"))).isFalse();
  }

  @Test
  void reassign_keepsTheIdentifiersOfEventsLeftBehind() {
    EventLog log = newLog();
    CustomerEvent first = Fixtures.joined("j1", daysAgo(3), member("M7"), phone("13900139000"));
    CustomerEvent second = Fixtures.joined("j2", daysAgo(2), phone("13900139000"));
    log.append(A, first);
    log.append(A, second);
    log.reassign("j1", B);
    assertThat(log.eventsOf(A)).containsExactly(second);
    assertThat(log.eventsOf(B)).containsExactly(first);
  }

  @Test
  void reassign_unknownEvent_isRejectedWithItsId() {
    assertThatThrownBy(() -> newLog().reassign("nope", A)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void toString_namesNoPersonalData() {
    EventLog log = newLog();
    log.append(A, ProfileUpdated.of("p1", daysAgo(1), "app", List.of(phone("13800138000"))).withName("王小明"));
    assertThat(log.toString()).isEqualTo("EventLog.inMemory[1 event ids, 1 customers]")
        .doesNotContain("王小明").doesNotContain("1380");
  }

  @Test
  void append_identifiersRepeatedInEveryEvent_areStoredOnce() {
    CustomerStream stream = new CustomerStream(new CustomerStreams(FingerprintTable::fingerprint), A, 0, 1, new byte[1][], 0);
    EventCodec codec = new EventCodec(new TextDictionary());
    int[] sizes = new int[3];
    for (int i = 0; i < 3; i++) {
      EventWriter out = EventWriter.local();
      CustomerEvent e = event("e" + i);
      codec.writeEvent(e, out);
      stream.append(out, e.identifiers(), codec);
      sizes[i] = stream.size();
    }
    // the second and third events add the same, fewer bytes: their identifiers are references to the first's
    assertThat(sizes[2] - sizes[1]).isEqualTo(sizes[1] - sizes[0]);
    assertThat(sizes[1] - sizes[0]).isLessThan(sizes[0] - 20);
    assertThat(stream.events(codec)).containsExactly(event("e0"), event("e1"), event("e2"));
  }

  @Test
  void forEach_passesEventsMovedDuringTheWalkOnceAndWithTheirNewOwner() {
    EventLog log = EventLog.inMemory();
    CustomerId c = CustomerId.of("c-c");
    log.append(A, event("a1"));
    log.append(A, event("a2"));
    log.append(B, event("b1"));
    log.append(B, event("b2"));
    List<String> passed = new ArrayList<>();
    List<CustomerId> owners = new ArrayList<>();
    log.forEach((owner, e) -> {
      passed.add(e.eventId());
      owners.add(owner);
      if (e.eventId().equals("a1")) {
        log.reassign("a2", B); // from the stream being walked to one not walked yet: skipped there
        log.reassign("b1", A); // from a stream not walked yet to one walked: passed at the end
        log.reassign("b2", c); // to a customer added during the walk, which it never visits: passed at the end
      }
    });
    assertThat(passed).containsExactlyInAnyOrder("a1", "a2", "b1", "b2");
    assertThat(owners.get(passed.indexOf("b1"))).isEqualTo(A);
    assertThat(owners.get(passed.indexOf("b2"))).isEqualTo(c);
    List<String> again = new ArrayList<>();
    log.forEach((owner, e) -> again.add(e.eventId()));
    assertThat(again).containsExactlyInAnyOrder("a1", "a2", "b1", "b2");
  }
}
