package io.github.scrm.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.time.BusinessTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class TagBookTest {

  private static final Instant T0 = Instant.parse("2024-06-15T04:00:00Z");
  private static final CustomerId ALICE = CustomerId.of("alice");
  private final ConcurrentLinkedQueue<TagChange> events = new ConcurrentLinkedQueue<>();
  private final TagBook book = new TagBook(events::add);
  private final CompiledRuleSet rules = Segmentation.builder().businessTime(BusinessTime.of(Clock.fixed(T0,
      BusinessTime.SHANGHAI))).build().compile(SegmentationTest.doc("""
          {"id": "heavy", "when": "orders.count >= 10"},
          {"id": "sticky", "ttl": "30d", "when": "orders.count >= 5"}""")).orThrow();

  private List<TagChange> evaluate(long orders, Instant at) {
    return book.apply(ALICE, rules, rules.evaluate(
        AttributeMap.builder().put(StandardAttributes.ORDERS, orders).build(), at));
  }

  @Test
  void ruleTags_followTheRule_withReasons() {
    assertThat(evaluate(12, T0)).extracting(TagChange::tag, TagChange::kind)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("heavy", TagChange.Kind.ADDED),
            org.assertj.core.groups.Tuple.tuple("sticky", TagChange.Kind.ADDED));
    assertThat(evaluate(12, T0.plusSeconds(60))).isEmpty();
    List<TagChange> removed = evaluate(1, T0.plus(Duration.ofDays(1)));
    assertThat(removed).singleElement().satisfies(c -> {
      assertThat(c.tag()).isEqualTo("heavy");
      assertThat(c.kind()).isEqualTo(TagChange.Kind.REMOVED);
      assertThat(c.reason()).isEqualTo("rule heavy of t v1 no longer matches");
    });
    assertThat(events).hasSize(3);
  }

  @Test
  void ttl_keepsARuleTagAfterItStopsMatching_untilItExpires() {
    evaluate(6, T0);
    assertThat(evaluate(0, T0.plus(Duration.ofDays(10)))).isEmpty();
    assertThat(book.tags(ALICE)).extracting(HeldTag::tag).containsExactly("sticky");
    assertThat(book.expire(T0.plus(Duration.ofDays(29)))).isEmpty();
    assertThat(book.expire(T0.plus(Duration.ofDays(30)))).singleElement()
        .satisfies(c -> assertThat(c.kind()).isEqualTo(TagChange.Kind.EXPIRED));
    assertThat(book.tags(ALICE)).isEmpty();
  }

  @Test
  void manualAndImportedTags_areExtraTagsForRules_andExpire() {
    book.addManual(ALICE, "staff_pick", "s-17", Optional.of(Duration.ofDays(7)), T0);
    book.addImported(ALICE, "erp_vip", "erp", Optional.empty(), T0);
    assertThat(book.extraTags(ALICE)).containsExactlyInAnyOrder("staff_pick", "erp_vip");
    evaluate(0, T0);
    assertThat(book.extraTags(ALICE)).hasSize(2);
    assertThat(book.remove(ALICE, "erp_vip", "s-17", T0)).singleElement()
        .satisfies(c -> assertThat(c.reason()).isEqualTo("removed by s-17"));
    assertThat(book.expire(T0.plus(Duration.ofDays(8)))).extracting(TagChange::tag).containsExactly("staff_pick");
  }

  @Test
  void staffTag_andRuleTagOfTheSameName_areHeldApart() {
    book.addManual(ALICE, "heavy", "s-17", Optional.empty(), T0);
    assertThat(evaluate(12, T0)).extracting(TagChange::tag, TagChange::kind, TagChange::source)
        .contains(org.assertj.core.groups.Tuple.tuple("heavy", TagChange.Kind.ADDED, TagSource.RULE));
    assertThat(book.tags(ALICE)).extracting(HeldTag::tag, HeldTag::source).contains(
        org.assertj.core.groups.Tuple.tuple("heavy", TagSource.MANUAL),
        org.assertj.core.groups.Tuple.tuple("heavy", TagSource.RULE));
    assertThat(evaluate(1, T0.plus(Duration.ofDays(1)))).extracting(TagChange::tag, TagChange::source)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("heavy", TagSource.RULE));
    assertThat(book.tags(ALICE)).extracting(HeldTag::tag, HeldTag::source).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("heavy", TagSource.MANUAL),
        org.assertj.core.groups.Tuple.tuple("sticky", TagSource.RULE));
    assertThat(book.extraTags(ALICE)).containsExactly("heavy");
  }

  @Test
  void removingAStaffTag_leavesTheRuleTagOfTheSameName() {
    book.addImported(ALICE, "heavy", "erp", Optional.empty(), T0);
    evaluate(12, T0);
    assertThat(book.remove(ALICE, "heavy", "s-17", T0)).extracting(TagChange::source)
        .containsExactly(TagSource.IMPORTED);
    assertThat(book.tags(ALICE)).extracting(HeldTag::tag, HeldTag::source)
        .contains(org.assertj.core.groups.Tuple.tuple("heavy", TagSource.RULE));
    assertThat(book.extraTags(ALICE)).isEmpty();
  }

  @Test
  void ruleDroppedInANewVersion_takesItsTagAway() {
    evaluate(12, T0);
    CompiledRuleSet v2 = compile("t", 2, "{\"id\": \"heavy\", \"when\": \"orders.count >= 10\"}");
    CompiledRuleSet other = compile("other", 1, "{\"id\": \"x\", \"when\": \"orders.count >= 1\"}");
    AttributeMap twelve = AttributeMap.builder().put(StandardAttributes.ORDERS, 12L).build();
    assertThat(book.apply(ALICE, other, other.evaluate(twelve, T0))).extracting(TagChange::tag).containsExactly("x");
    Instant later = T0.plus(Duration.ofDays(1));
    assertThat(book.apply(ALICE, v2, v2.evaluate(twelve, later))).singleElement().satisfies(c -> {
      assertThat(c.tag()).isEqualTo("sticky");
      assertThat(c.kind()).isEqualTo(TagChange.Kind.REMOVED);
      assertThat(c.reason()).isEqualTo("rule sticky is not in t v2");
    });
    assertThat(book.tags(ALICE)).extracting(HeldTag::tag).containsExactlyInAnyOrder("heavy", "x");
  }

  @Test
  void ttl_neverExpiresATagWhoseRuleStillMatches_andCountsFromTheLastMatch() {
    evaluate(6, T0);
    assertThat(book.nextExpiry(ALICE)).isEmpty();
    assertThat(book.expire(T0.plus(Duration.ofDays(31)))).isEmpty();
    assertThat(book.tags(ALICE)).extracting(HeldTag::tag).containsExactly("sticky");
    evaluate(6, T0.plus(Duration.ofDays(31)));
    assertThat(evaluate(0, T0.plus(Duration.ofDays(32)))).isEmpty();
    assertThat(book.nextExpiry(ALICE)).contains(T0.plus(Duration.ofDays(61)));
    assertThat(book.nextExpiry()).contains(T0.plus(Duration.ofDays(61)));
    assertThat(book.expire(T0.plus(Duration.ofDays(60)))).isEmpty();
    assertThat(book.expire(T0.plus(Duration.ofDays(61)))).singleElement()
        .satisfies(c -> assertThat(c.kind()).isEqualTo(TagChange.Kind.EXPIRED));
    assertThat(book.nextExpiry()).isEmpty();
  }

  @Test
  void ttl_aRuleMatchingAgainWithinItsTtl_keepsTheTagWithoutAnEvent() {
    evaluate(6, T0);
    evaluate(0, T0.plus(Duration.ofDays(5)));
    assertThat(evaluate(7, T0.plus(Duration.ofDays(6)))).isEmpty();
    assertThat(book.nextExpiry(ALICE)).isEmpty();
    assertThat(book.tags(ALICE)).singleElement().satisfies(h -> assertThat(h.since()).isEqualTo(T0));
  }

  private static CompiledRuleSet compile(String name, long version, String rules) {
    return Segmentation.builder().businessTime(BusinessTime.of(Clock.fixed(T0, BusinessTime.SHANGHAI))).build()
        .compile("{\"schemaVersion\": 1, \"name\": \"" + name + "\", \"version\": " + version
            + ", \"rules\": [" + rules + "]}").orThrow();
  }

  @Test
  void concurrentChanges_toOneCustomer_reachTheListenerInTheOrderTheyWereMade() throws InterruptedException {
    CompiledRuleSet pair = compile("pair", 1, """
        {"id": "a", "when": "orders.count >= 10"}, {"id": "b", "when": "orders.count >= 10"}""");
    TagResult twelve = pair.evaluate(AttributeMap.builder().put(StandardAttributes.ORDERS, 12L).build(), T0);
    TagResult none = pair.evaluate(AttributeMap.builder().put(StandardAttributes.ORDERS, 0L).build(),
        T0.plusSeconds(60));
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch firstDelivered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TagBook ordered = new TagBook(c -> {
      seen.add(c.kind() + " " + c.tag());
      if (c.kind() == TagChange.Kind.ADDED && c.tag().equals("a")) {
        firstDelivered.countDown();
        awaitQuietly(release);
      }
    });
    // the adding thread has recorded ADDED a and ADDED b and is held while the listener has the first of them
    Thread adding = new Thread(() -> ordered.apply(ALICE, pair, twelve));
    adding.start();
    assertThat(firstDelivered.await(10, TimeUnit.SECONDS)).isTrue();
    Thread removing = new Thread(() -> ordered.apply(ALICE, pair, none));
    removing.start();
    // go on once the removal has either finished or is waiting for the adding thread's deliveries
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (removing.isAlive() && removing.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    release.countDown();
    adding.join();
    removing.join();

    assertThat(seen).containsExactly("ADDED a", "ADDED b", "REMOVED a", "REMOVED b");
    assertThat(ordered.tags(ALICE)).isEmpty();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void concurrentChanges_loseNoEvents() throws InterruptedException {
    List<Thread> threads = IntStream.range(0, 8).mapToObj(t -> new Thread(() -> {
      for (int i = 0; i < 500; i++) {
        CustomerId id = CustomerId.of("c" + (i % 50));
        book.addManual(id, "t" + t + "-" + i, "s", Optional.empty(), T0);
        book.tags(id);
      }
    })).toList();
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(events).hasSize(4_000);
    long held = IntStream.range(0, 50).mapToLong(i -> book.tags(CustomerId.of("c" + i)).size()).sum();
    assertThat(held).isEqualTo(4_000);
  }
}
