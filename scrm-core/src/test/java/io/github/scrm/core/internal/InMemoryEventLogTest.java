package io.github.scrm.core.internal;

import static io.github.scrm.core.Fixtures.daysAgo;
import static io.github.scrm.core.Fixtures.member;
import static io.github.scrm.core.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.Fixtures;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.InteractionKind;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.event.Purchase;
import io.github.scrm.core.event.SocialInteraction;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.spi.EventLog;
import io.github.scrm.core.spi.EventLogContract;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
    CustomerStream stream = new CustomerStream(new CustomerStreams(FingerprintTable::fingerprint), A, 0, 1);
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
  void append_identifiersAlikeButForTypeScopeOrMaskedForm_keepDefinitionsOfTheirOwn() {
    // the last two are equal (identity ignores the masked form) but keep the masked form each was written with
    // one value, in the form of a keyed hash so that the personal type accepts it too
    String same = "5a3e00000000000000000000000000aa";
    List<Identifier> alike = List.of(
        Identifier.scoped(IdentifierType.WECHAT_UNIONID, "open-1", same),
        Identifier.scoped(IdentifierType.WECHAT_UNIONID, "open-2", same),
        Identifier.scoped(IdentifierType.WECHAT_OPENID, "open-1", same),
        Identifier.of(IdentifierType.MEMBER_NUMBER, same),
        new Identifier(IdentifierType.EMAIL, "", same, "s***@example.com"),
        new Identifier(IdentifierType.EMAIL, "", same, "x***@example.com"));
    EventLog log = newLog();
    for (int i = 0; i < alike.size(); i++) {
      log.append(A, Fixtures.purchase("e" + i, daysAgo(1), 10_00, alike.get(i)));
    }
    log.append(A, Fixtures.purchase("all", daysAgo(1), 10_00, alike.subList(0, 5).toArray(Identifier[]::new)));
    List<CustomerEvent> events = log.eventsOf(A);
    for (int i = 0; i < alike.size(); i++) {
      Identifier read = events.get(i).identifiers().get(0);
      assertThat(read).isEqualTo(alike.get(i));
      assertThat(read.masked()).isEqualTo(alike.get(i).masked());
    }
    assertThat(events.get(6).identifiers()).containsExactlyElementsOf(alike.subList(0, 5));
    assertThat(events.get(6).identifiers().stream().map(Identifier::masked))
        .containsExactlyElementsOf(alike.subList(0, 5).stream().map(Identifier::masked).toList());
  }

  @Test
  void reassign_dropsTheOldStreamsDefinitionOfAnIdentifierNoEventThereCarriesAnyMore() {
    InMemoryEventLog log = InMemoryEventLog.create();
    Identifier phone = phone("13912345678");
    Identifier member = member("M7");
    CustomerEvent p2 = Fixtures.purchase("p2", daysAgo(1), 10_00, member);
    CustomerEvent p4 = Fixtures.purchase("p4", daysAgo(1), 10_00, member, phone);
    log.append(A, Fixtures.purchase("p1", daysAgo(2), 10_00, member, phone));
    log.append(A, p2);
    log.append(A, Fixtures.purchase("p3", daysAgo(1), 10_00, phone));
    log.reassign("p1", B);
    assertThat(holdsTraceOf(log.streamOf(A).head(), phone)).isTrue(); // p3 still carries it
    log.reassign("p3", B);
    assertThat(holdsTraceOf(log.streamOf(A).head(), phone)).isFalse();
    assertThat(holdsTraceOf(log.streamOf(A).head(), member)).isTrue(); // p2 carries it
    // the phone comes back under a new definition; the retired one keeps the others' numbers
    log.append(A, p4);
    assertThat(log.eventsOf(A)).containsExactly(p2, p4);
    log.reassign("p2", B);
    log.reassign("p4", B);
    assertThat(log.streamOf(A).head()).hasSize(1 + A.value().length());
    assertThat(log.erase(B)).isEqualTo(4);
    assertThat(holdsTraceOf(log.streamOf(B).head(), phone)).isFalse();
    assertThat(log.eventsOf(A)).isEmpty();
  }

  @Test
  void reassign_oldestFirstInterleavedWithAppendsAndOtherMoves_keepsBothCustomersExact() {
    InMemoryEventLog log = InMemoryEventLog.create();
    List<CustomerEvent> a = new ArrayList<>();
    List<CustomerEvent> b = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      CustomerEvent e = comment("a" + i, "comment " + i);
      log.append(A, e);
      a.add(e);
    }
    for (int i = 0; i < 150; i++) {
      CustomerEvent oldest = a.remove(0);
      log.reassign(oldest.eventId(), B); // the way a merge moves a customer's events
      b.add(oldest);
      if (i == 40) {
        CustomerEvent late = comment("late", "appended during the moves");
        log.append(A, late);
        a.add(late);
      }
      if (i == 80) {
        CustomerEvent middle = a.remove(a.size() / 2);
        log.reassign(middle.eventId(), B);
        b.add(middle);
      }
      if (i == 120) {
        CustomerEvent newest = a.remove(a.size() - 1);
        log.reassign(newest.eventId(), B);
        b.add(newest);
      }
      if (i % 30 == 0) {
        assertThat(log.eventsOf(A)).containsExactlyElementsOf(a);
        assertThat(log.ownerOf(oldest.eventId())).contains(B);
      }
    }
    assertThat(log.eventsOf(A)).containsExactlyElementsOf(a);
    assertThat(log.eventsOf(B)).containsExactlyElementsOf(b);
    for (CustomerEvent e : a) {
      assertThat(log.ownerOf(e.eventId())).contains(A);
    }
    assertThat(log.erase(A)).isEqualTo(a.size());
    for (CustomerEvent e : List.copyOf(a)) {
      log.reassign(e.eventId(), B); // tombstones move too
    }
    assertThat(log.eventsOf(B)).containsExactlyElementsOf(b);
    assertThat(log.append(A, a.get(0))).isFalse();
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

  @Test
  void events_spreadOverSeveralPages_comeBackInOrderAfterMovesFromAnyPlaceInTheChain() {
    InMemoryEventLog log = InMemoryEventLog.create();
    List<CustomerEvent> a = new ArrayList<>();
    List<CustomerEvent> b = new ArrayList<>();
    for (int i = 0; i < 6000; i++) {
      CustomerEvent e = comment("e" + i, "comment number " + i + " on the spring collection, the red one");
      log.append(i % 2 == 0 ? A : B, e);
      (i % 2 == 0 ? a : b).add(e);
    }
    List<byte[]> pages = log.arena().pages();
    assertThat(pages).hasSizeGreaterThan(3);
    // a small log keeps a small page; pages double up to the largest size
    assertThat(pages.get(0)).hasSize(EventArena.FIRST_PAGE_SIZE);
    for (int i = 1; i < pages.size(); i++) {
      assertThat(pages.get(i).length).isEqualTo(Math.min(EventArena.PAGE_SIZE, 2 * pages.get(i - 1).length));
    }
    // the oldest, one in the middle and the newest: each is linked differently
    for (CustomerEvent moved : List.of(a.get(0), a.get(1500), a.get(a.size() - 1))) {
      log.reassign(moved.eventId(), B);
      a.remove(moved);
      b.add(moved);
    }
    CustomerEvent later = comment("later", "after the moves");
    log.append(A, later);
    a.add(later);
    assertThat(log.eventsOf(A)).containsExactlyElementsOf(a);
    assertThat(log.eventsOf(B)).containsExactlyElementsOf(b);
    assertThat(log.ownerOf("e0")).contains(B);
    assertThat(log.ownerOf("e2")).contains(A);
  }

  @Test
  void append_eventLargerThanAQuarterPage_getsAPageOfItsOwnAndTheSharedPageGoesOn() {
    InMemoryEventLog log = InMemoryEventLog.create();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      codes.add("SPRING-COUPON-" + i + "-ABCDEFGHIJ");
    }
    Purchase plain = (Purchase) event("big");
    Purchase big = new Purchase("big", plain.occurredAt(), plain.receivedAt(), plain.sourceChannel(),
        plain.identifiers(), plain.orderId(), plain.lines(), plain.paidAmount(), codes, plain.channel(), plain.store(),
        plain.staff());
    log.append(A, event("before"));
    log.append(A, big);
    log.append(A, event("after"));
    List<byte[]> pages = log.arena().pages();
    assertThat(pages).hasSize(2);
    assertThat(pages.get(1).length).isGreaterThan(EventArena.PAGE_SIZE / 4).isLessThan(EventArena.PAGE_SIZE);
    assertThat(log.eventsOf(A)).containsExactly(event("before"), big, event("after"));
    log.reassign("big", B);
    assertThat(log.eventsOf(A)).containsExactly(event("before"), event("after"));
    assertThat(log.eventsOf(B)).containsExactly(big);
  }

  @Test
  void reassignAndErase_leaveNoCopyOfTheContentsInTheArena() {
    InMemoryEventLog log = InMemoryEventLog.create();
    log.append(A, comment("s1", "please deliver to 88 Quiet Lane"));
    log.append(A, comment("s2", "Quiet Lane again, second floor"));
    log.append(A, event("p1"));
    log.reassign("s1", B);
    // the moved event is in the arena once: where it was is zeroed
    assertThat(occurrences(log, "88 Quiet Lane")).isEqualTo(1);
    assertThat(log.erase(A)).isEqualTo(2);
    assertThat(log.erase(B)).isEqualTo(1);
    assertThat(occurrences(log, "Quiet Lane")).isZero();
    assertThat(log.ownerOf("s1")).contains(B);
    assertThat(log.ownerOf("s2")).contains(A);
    assertThat(log.append(A, event("s2"))).isFalse();
    assertThat(log.eventsOf(A)).isEmpty();
  }

  private static CustomerEvent comment(String id, String text) {
    SocialInteraction s = Fixtures.social(id, daysAgo(2), InteractionKind.COMMENT, member("M1"));
    return new SocialInteraction(id, s.occurredAt(), s.receivedAt(), s.sourceChannel(), s.identifiers(), s.platform(),
        s.kind(), null, text, s.followerCount(), s.postId(), s.topics());
  }

  private static int occurrences(InMemoryEventLog log, String text) {
    byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
    int found = 0;
    for (byte[] page : log.arena().pages()) {
      for (int i = 0; i + needle.length <= page.length; i++) {
        if (Arrays.equals(page, i, i + needle.length, needle, 0, needle.length)) {
          found++;
        }
      }
    }
    return found;
  }

  /** Whether {@code head} holds the value or the masked form of {@code identifier}. */
  private static boolean holdsTraceOf(byte[] head, Identifier identifier) {
    String head8859 = new String(head, StandardCharsets.ISO_8859_1);
    return head8859.contains(identifier.value()) || head8859.contains(identifier.masked());
  }
}
