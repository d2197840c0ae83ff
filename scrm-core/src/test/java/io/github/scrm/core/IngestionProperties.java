package io.github.scrm.core;

import static io.github.scrm.core.Fixtures.NOW;
import static io.github.scrm.core.Fixtures.member;
import static io.github.scrm.core.Fixtures.unionid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.IngestOutcome;
import io.github.scrm.core.event.StaffContact;
import io.github.scrm.core.identity.MergeRecord;
import io.github.scrm.core.identity.UnmergeOutcome;
import io.github.scrm.core.profile.CustomerProfile;
import io.github.scrm.core.spi.EventLog;
import io.github.scrm.core.staff.StaffId;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class IngestionProperties {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static Map<String, Object> metrics(Scrm scrm, CustomerId id) {
    return scrm.profile(id).orElseThrow().snapshot(StandardAttributes.ALL, NOW, SHANGHAI);
  }

  private static Map<String, Object> metricsOf(Scrm scrm, io.github.scrm.core.identity.Identifier id) {
    return scrm.profile(id).orElseThrow().snapshot(StandardAttributes.ALL, NOW, SHANGHAI);
  }

  @Test
  void duplicateEvents_changeNothing() {
    qt().withExamples(100).forAll(EventGenerators.histories(25), longs().all()).checkAssert((specs, seed) -> {
      Scrm scrm = TestScrm.create();
      List<CustomerEvent> events = EventGenerators.events("e", specs, member("M1"));
      events.forEach(scrm::ingest);
      Map<String, Object> once = metricsOf(scrm, member("M1"));
      for (CustomerEvent e : EventGenerators.shuffled(events, seed)) {
        assertThat(scrm.ingest(e)).isInstanceOf(IngestOutcome.Duplicate.class);
      }
      assertThat(metricsOf(scrm, member("M1"))).isEqualTo(once);
    });
  }

  @Test
  void anyArrivalOrder_givesTheSameMetrics() {
    qt().withExamples(100).forAll(EventGenerators.histories(25), longs().all()).checkAssert((specs, seed) -> {
      List<CustomerEvent> events = EventGenerators.events("e", specs, member("M1"));
      Scrm inOrder = TestScrm.create();
      events.forEach(inOrder::ingest);
      Scrm shuffled = TestScrm.create();
      EventGenerators.shuffled(events, seed).forEach(shuffled::ingest);
      assertThat(metricsOf(shuffled, member("M1"))).isEqualTo(metricsOf(inOrder, member("M1")));
      assertThat(shuffled.profile(member("M1")).orElseThrow().tags())
          .isEqualTo(inOrder.profile(member("M1")).orElseThrow().tags());
    });
  }

  @Test
  void replayOfTheEventLog_equalsIncrementalMaintenance() {
    qt().withExamples(60).forAll(EventGenerators.histories(30)).checkAssert(specs -> {
      EventLog log = EventLog.inMemory();
      Scrm scrm = TestScrm.builder().eventLog(log).build();
      EventGenerators.events("e", specs, member("M1")).forEach(scrm::ingest);
      CustomerProfile incremental = scrm.profile(member("M1")).orElseThrow();
      CustomerProfile replayed = CustomerProfile.replay(incremental.id(), incremental.identifiers(),
          log.eventsOf(incremental.id()));
      assertThat(replayed.snapshot(StandardAttributes.ALL, NOW, SHANGHAI))
          .isEqualTo(incremental.snapshot(StandardAttributes.ALL, NOW, SHANGHAI));
      assertThat(replayed.eventCount()).isEqualTo(incremental.eventCount());
    });
  }

  @Test
  void mergeThenUnmerge_restoresBothCustomers() {
    qt().withExamples(50).forAll(EventGenerators.histories(15), EventGenerators.histories(15))
        .checkAssert((specsA, specsB) -> {
          Scrm scrm = TestScrm.create();
          EventGenerators.events("a", specsA, member("M1")).forEach(scrm::ingest);
          EventGenerators.events("b", specsB, unionid("U1")).forEach(scrm::ingest);
          CustomerId a = scrm.profile(member("M1")).orElseThrow().id();
          CustomerId b = scrm.profile(unionid("U1")).orElseThrow().id();
          Map<String, Object> beforeA = metrics(scrm, a);
          Map<String, Object> beforeB = metrics(scrm, b);
          var idsA = scrm.profile(a).orElseThrow().identifiers();
          var idsB = scrm.profile(b).orElseThrow().identifiers();

          var linking = new StaffContact("link", NOW, NOW, "wecom", List.of(member("M1"), unionid("U1")),
              StaffId.of("s-1"), ContactChannel.WECOM, ContactPurpose.SERVICE, null);
          var outcome = (IngestOutcome.Accepted) scrm.ingest(linking);
          MergeRecord merge = outcome.merges().get(0);
          assertThat(scrm.profile(a).orElseThrow().id()).isEqualTo(scrm.profile(b).orElseThrow().id());

          assertThat(scrm.identities().unmerge(merge.absorbed())).isInstanceOf(UnmergeOutcome.Unmerged.class);

          assertThat(metrics(scrm, a)).isEqualTo(beforeA);
          assertThat(metrics(scrm, b)).isEqualTo(beforeB);
          assertThat(scrm.profile(a).orElseThrow().identifiers()).isEqualTo(idsA);
          assertThat(scrm.profile(b).orElseThrow().identifiers()).isEqualTo(idsB);
          assertThat(scrm.profile(member("M1")).orElseThrow().id()).isEqualTo(a);
          assertThat(scrm.profile(unionid("U1")).orElseThrow().id()).isEqualTo(b);
        });
  }

  @Test
  void concurrentIngestion_losesNothing() {
    qt().withExamples(10).forAll(EventGenerators.histories(60), integers().between(2, 4))
        .checkAssert((specs, threads) -> {
          List<CustomerEvent> events = EventGenerators.events("e", specs, member("M1"));
          Scrm sequential = TestScrm.create();
          events.forEach(sequential::ingest);
          Scrm concurrent = TestScrm.create();
          ExecutorService pool = Executors.newFixedThreadPool(threads);
          try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
              int offset = t;
              // every thread sends every event, in its own rotation: duplicates and races on the same customer
              futures.add(pool.submit(() -> {
                for (int i = 0; i < events.size(); i++) {
                  concurrent.ingest(events.get((i + offset * 7) % events.size()));
                }
              }));
            }
            for (Future<?> f : futures) {
              f.get(30, TimeUnit.SECONDS);
            }
          } catch (Exception e) {
            throw new AssertionError(e);
          } finally {
            pool.shutdownNow();
          }
          assertThat(concurrent.profile(member("M1")).orElseThrow().eventCount()).isEqualTo(events.size());
          assertThat(metricsOf(concurrent, member("M1"))).isEqualTo(metricsOf(sequential, member("M1")));
        });
  }
}
