package io.github.scrm.core;

import static io.github.scrm.core.Fixtures.NOW;
import static io.github.scrm.core.Fixtures.member;
import static io.github.scrm.core.Fixtures.unionid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.IngestOutcome;
import io.github.scrm.core.event.StaffContact;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.profile.CustomerProfile;
import io.github.scrm.core.spi.IdentityIndex;
import io.github.scrm.core.spi.ProfileStore;
import io.github.scrm.core.staff.StaffId;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@link Scrm#ingestAll} is ingesting the events one by one, whatever the page holds. */
final class IngestAllProperties {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final List<Identifier> IDENTIFIERS =
      List.of(member("M1"), member("M2"), member("M3"), unionid("U1"), unionid("U2"), unionid("U3"));

  /**
   * A page over three customers that mixes new customers, customers found by either identifier, an event that links
   * two of them (a merge), one from the future (rejected), and duplicates of earlier events, in an order set by
   * {@code seed}.
   */
  private static List<CustomerEvent> page(
      List<EventGenerators.Spec> a, List<EventGenerators.Spec> b, long seed, int duplicates) {
    List<CustomerEvent> events = new ArrayList<>();
    events.addAll(EventGenerators.events("a", a, member("M1")));
    events.addAll(EventGenerators.events("b", b, unionid("U1")));
    events.addAll(EventGenerators.events("c", a, member("M2"), unionid("U2")));
    events.addAll(EventGenerators.events("d", b, member("M3")));
    events.add(new StaffContact("link", NOW, NOW, "wecom", List.of(member("M1"), unionid("U1")), StaffId.of("s-1"),
        ContactChannel.WECOM, ContactPurpose.SERVICE, null));
    events.add(new StaffContact("late", NOW.plus(Duration.ofDays(1)), NOW, "wecom", List.of(unionid("U3")),
        StaffId.of("s-1"), ContactChannel.WECOM, ContactPurpose.SERVICE, null));
    List<CustomerEvent> page = new ArrayList<>(EventGenerators.shuffled(events, seed));
    page.addAll(page.subList(0, Math.min(duplicates, page.size())));
    return page;
  }

  private static void assertSameCustomers(Scrm actual, Scrm expected) {
    for (Identifier id : IDENTIFIERS) {
      Optional<CustomerProfile> want = expected.profile(id);
      Optional<CustomerProfile> got = actual.profile(id);
      assertThat(got.isPresent()).as("profile of %s", id).isEqualTo(want.isPresent());
      if (want.isPresent()) {
        assertThat(got.get().id()).isEqualTo(want.get().id());
        assertThat(got.get().identifiers()).isEqualTo(want.get().identifiers());
        assertThat(got.get().eventCount()).isEqualTo(want.get().eventCount());
        assertThat(got.get().snapshot(StandardAttributes.ALL, NOW, SHANGHAI))
            .isEqualTo(want.get().snapshot(StandardAttributes.ALL, NOW, SHANGHAI));
      }
    }
  }

  /** For generated pages, {@code ingestAll} on a fresh instance from {@code paged} equals ingesting one by one. */
  private static void checkPagesAgainstOneByOne(int examples, Supplier<Scrm> paged) {
    qt().withExamples(examples)
        .forAll(EventGenerators.histories(20), EventGenerators.histories(20), longs().all(),
            integers().between(0, 40))
        .checkAssert((a, b, seed, duplicates) -> {
          List<CustomerEvent> page = page(a, b, seed, duplicates);
          Scrm oneByOne = TestScrm.create();
          List<IngestOutcome> expected = page.stream().map(oneByOne::ingest).toList();

          Scrm scrm = paged.get();
          assertThat(scrm.ingestAll(page)).isEqualTo(expected);
          assertSameCustomers(scrm, oneByOne);
        });
  }

  @Test
  void ingestAll_givesTheOutcomesAndProfilesOfIngestingOneByOne() {
    checkPagesAgainstOneByOne(60, TestScrm::create);
  }

  @Test
  void ingestAll_overTheHostsStores_isIngestingOneByOne() {
    // a store and an index that do not share a table: the engine goes through the SPIs
    checkPagesAgainstOneByOne(20, () -> TestScrm.builder().profileStore(ProfileStore.inMemory())
        .identityIndex(IdentityIndex.inMemory()).build());
  }

  @Test
  void ingestAll_nullElement_ingestsNothingAndNamesTheIndex() {
    Scrm scrm = TestScrm.create();
    List<CustomerEvent> page = Arrays.asList(Fixtures.joined("e1", NOW, member("M1")), null);

    assertThatThrownBy(() -> scrm.ingestAll(page)).isInstanceOf(NullPointerException.class)
        .hasMessage("events[1] must not be null");
    assertThat(scrm.profile(member("M1"))).isEmpty();
  }

  @Test
  void ingestAll_emptyPage_givesNoOutcomes() {
    assertThat(TestScrm.create().ingestAll(List.of())).isEmpty();
  }
}
