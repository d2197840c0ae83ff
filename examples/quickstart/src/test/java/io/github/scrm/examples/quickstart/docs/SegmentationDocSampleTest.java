package io.github.scrm.examples.quickstart.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.attribute.AttributeValues;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.consent.Consent;
import io.github.scrm.core.consent.ConsentStatus;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.contact.ContactLedgers;
import io.github.scrm.core.contact.ContactPolicy;
import io.github.scrm.core.contact.ContactRequest;
import io.github.scrm.core.contact.InMemoryContactSubjects;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.ContactSubject;
import io.github.scrm.core.time.BusinessTime;
import io.github.scrm.segmentation.AttributeMap;
import io.github.scrm.segmentation.BatchEvaluation;
import io.github.scrm.segmentation.BatchResult;
import io.github.scrm.segmentation.CompiledRuleSet;
import io.github.scrm.segmentation.Compilation;
import io.github.scrm.segmentation.Evaluator;
import io.github.scrm.segmentation.ProfileSnapshot;
import io.github.scrm.segmentation.ProfileTable;
import io.github.scrm.segmentation.SegmentAudience;
import io.github.scrm.segmentation.Segmentation;
import io.github.scrm.segmentation.ShippedRuleSets;
import io.github.scrm.segmentation.TagResult;
import io.github.scrm.segmentation.spi.ContactEligibility;
import io.github.scrm.segmentation.spi.ProfileLookup;
import io.github.scrm.segmentation.testkit.RuleSetTestKit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the samples of docs/segmentation.md. */
final class SegmentationDocSampleTest {

  private static final Logger log = LoggerFactory.getLogger(SegmentationDocSampleTest.class);
  private static final Instant NOW = Instant.parse("2024-06-15T04:00:00Z");

  /** A gold member whose last purchase was 75 days ago: a VIP at risk. */
  private static AttributeMap goldAtRisk() {
    return AttributeMap.builder()
        .put(StandardAttributes.MEMBER_LEVEL, "GOLD")
        .put(StandardAttributes.LAST_PURCHASE, Instant.parse("2024-04-01T04:00:00Z"))
        .build();
  }

  private static CompiledRuleSet retailSeed() {
    Segmentation seg = Segmentation.builder().businessTime(BusinessTime.of(Clock.fixed(NOW, BusinessTime.SHANGHAI)))
        .build();
    return seg.compile(ShippedRuleSets.retailSeed()).orThrow();
  }

  @Test
  void block1_activatesTheSeed_tagsAProfile_andExplainsATag() {
    Clock clock = Clock.fixed(NOW, BusinessTime.SHANGHAI);
    AttributeValues attributeValues = goldAtRisk();
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      // docs/segmentation.md#1:start
      BusinessTime time = BusinessTime.of(clock);                 // injected clock, Asia/Shanghai by default
      Segmentation seg = Segmentation.builder().businessTime(time) // .catalogue(standard().with(myAttributes))
          .build();

      Compilation c = seg.activate(ShippedRuleSets.retailSeed()); // or your own JSON document
      if (c instanceof Compilation.Rejected r) {
        System.err.println(r.report());                          // every problem, with pointer and line:column
      }
      CompiledRuleSet rules = seg.active().orElseThrow();

      TagResult tags = rules.evaluate(attributeValues, time.now());
      tags.tagNames();        // [vip_at_risk, 重要价值, ...], highest priority first
      tags.tags().get(0);     // TagMatch(tag, ruleId, ruleSet, ruleSetVersion, asOf): the provenance
      tags.nextChange();      // the next instant at which time alone could change a result

      System.out.println(rules.explain(attributeValues, time.now(), "vip_at_risk"));
      // docs/segmentation.md#1:end

      assertThat(c).isNotInstanceOf(Compilation.Rejected.class);
      assertThat(tags.tagNames()).first().isEqualTo("vip_at_risk");
      assertThat(tags.tags().get(0).ruleSet()).isEqualTo("retail-seed");
      assertThat(tags.nextChange()).isPresent();
    } finally {
      System.setOut(out);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("vip_at_risk").contains("purchase.last");
  }

  @Test
  void block2_reevaluatesChangedAttributes_andWakesUpWhenTimeChangesAResult() {
    CompiledRuleSet rules = retailSeed();
    Instant now = NOW;
    AttributeMap values = goldAtRisk();
    AttributeMap newValues = values.toBuilder().put(StandardAttributes.SHARES_30D, 5L).build();

    // docs/segmentation.md#2:start
    Evaluator ev = rules.evaluator(now);            // one per thread
    ProfileSnapshot snap = rules.snapshot(values);  // keep it with the profile
    long[] state = ev.evaluate(snap).clone();       // the profile's result bitset (rule index = rules.indexOf(id))

    // metrics changed: only rules that read a changed attribute (directly or through inSegment) run again
    boolean changed = ev.reevaluate(snap, state, newValues, List.of(StandardAttributes.SHARES_30D));

    Optional<Instant> wakeUp = ev.nextChange(snap); // schedule it instead of a daily batch
    ev.at(wakeUp.get()).reevaluateTime(snap, state); // re-runs only the time-relative rules
    // docs/segmentation.md#2:end

    int contentSharer = rules.indexOf("content_sharer");
    assertThat(changed).isTrue();
    assertThat(state[contentSharer >>> 6] & (1L << contentSharer)).isNotZero();
    assertThat(wakeUp.get()).isAfter(now);
    assertThat(rules.result(state, wakeUp.get(), Optional.empty()).tagNames())
        .isEqualTo(rules.evaluate(newValues, wakeUp.get()).tagNames());
  }

  @Test
  void block3_runsABatchOverATable() {
    CompiledRuleSet rules = retailSeed();
    BusinessTime time = BusinessTime.of(Clock.fixed(NOW, BusinessTime.SHANGHAI));
    int expectedSize = 1;
    CustomerId customerId = CustomerId.of("alice");
    AttributeMap values = goldAtRisk();
    AtomicBoolean stopRequested = new AtomicBoolean();

    // docs/segmentation.md#3:start
    ProfileTable table = rules.newTable(expectedSize);
    table.add(customerId, values);                 // once; then table.update(row, values, changedKeys)
    BatchResult r = BatchEvaluation.over(table).asOf(time.now())
        .progress(p -> log.info("{} / {} ({}/s, eta {})", p.done(), p.total(), p.perSecond(), p.eta()))
        .cancelWhen(stopRequested::get)
        .run();                                     // threads = processors by default
    r.sizes(); r.gained(); r.lost();               // per tag or segment, against the table's previous batch
    // docs/segmentation.md#3:end

    assertThat(r.sizes()).containsEntry("vip_at_risk", 1L);
    assertThat(r.gained()).containsEntry("vip_at_risk", 1L);
    assertThat(table.has(0, rules.indexOf("vip_at_risk"))).isTrue();
  }

  @Test
  void block4_buildsAnAudience_andDryRunsIt() {
    BusinessTime time = BusinessTime.of(Clock.fixed(NOW, BusinessTime.SHANGHAI));
    CompiledRuleSet rules = Segmentation.builder().businessTime(time).build().compile("""
        {"schemaVersion": 1, "name": "brand-x", "version": 1, "currency": "CNY", "rules": [
          {"id": "brand_x_discount", "when": "orders.count >= 2"}]}""").orThrow();
    Map<CustomerId, AttributeValues> profiles = new LinkedHashMap<>();
    InMemoryContactSubjects subjects = new InMemoryContactSubjects();
    for (String name : List.of("ann", "ben", "cai")) {
      CustomerId id = CustomerId.of(name);
      profiles.put(id, AttributeMap.builder().put(StandardAttributes.ORDERS, name.equals("cai") ? 1L : 3L).build());
      ConsentStatus status = name.equals("ben") ? ConsentStatus.WITHDRAWN : ConsentStatus.GRANTED;
      subjects.put(ContactSubject.of(id, List.of(new Consent(ContactChannel.WECOM, ContactPurpose.MARKETING, status,
          NOW.minusSeconds(86_400), "store-pos"))));
    }
    ProfileLookup profileLookup = ProfileLookup.of(profiles);
    ContactPolicy contactPolicy = ContactPolicy.builder().subjects(subjects).ledger(ContactLedgers.inMemory()).build();

    // docs/segmentation.md#4:start
    SegmentAudience audience = SegmentAudience.builder("brand-x-discount-lovers")
        .rule(rules, "brand_x_discount")             // a tag or segment of a compiled set
        .profiles(profileLookup)                     // spi.ProfileLookup; ProfileLookup.of(map) in memory
        .contactEligibility(ContactEligibility.of(contactPolicy,  // core's ContactPolicy, checked per customer
            (id, at) -> ContactRequest.of(id, ContactChannel.WECOM, ContactPurpose.MARKETING, at)))
        .businessTime(time)
        .build();                                    // implements core's Audience
    SegmentAudience.DryRun dry = audience.dryRun(20); // matching, size, sample, exclusions by reason
    // docs/segmentation.md#4:end

    assertThat(dry.matching()).isEqualTo(2);
    assertThat(dry.size()).isEqualTo(1);
    assertThat(dry.sample()).containsExactly(CustomerId.of("ann"));
    assertThat(dry.exclusions()).hasSize(1);
  }

  private static String read(String name) {
    try (InputStream in = SegmentationDocSampleTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // docs/segmentation.md#5:start
  @Test
  void retailRules_meetTheirExpectations() {
    Segmentation seg = Segmentation.builder().businessTime(BusinessTime.of(Clock.systemUTC())).build();
    RuleSetTestKit.run(seg, read("retail.json"), read("fixtures.json"), read("retail.expectations")).assertPassed();
  }
  // docs/segmentation.md#5:end

  @Test
  void block5_testKitFailsAnExpectationThatDoesNotHold() {
    Segmentation seg = Segmentation.builder().businessTime(BusinessTime.of(Clock.systemUTC())).build();
    assertThat(RuleSetTestKit.run(seg, read("retail.json"), read("fixtures.json"),
        "as of 2024-06-15T04:00:00Z\nbob has vip_at_risk\n").passed()).isFalse();
  }
}
