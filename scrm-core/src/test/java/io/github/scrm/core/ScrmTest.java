package io.github.scrm.core;

import static io.github.scrm.core.Fixtures.NOW;
import static io.github.scrm.core.Fixtures.daysAgo;
import static io.github.scrm.core.Fixtures.member;
import static io.github.scrm.core.Fixtures.phone;
import static io.github.scrm.core.Fixtures.unionid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.attribute.AttributeKey;
import io.github.scrm.core.attribute.AttributeType;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.ImportReport;
import io.github.scrm.core.event.IngestOutcome;
import io.github.scrm.core.event.JsonLines;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.event.Purchase;
import io.github.scrm.core.event.PurchaseLine;
import io.github.scrm.core.event.Refund;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.spi.EventLog;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ScrmTest {

  private final Scrm scrm = TestScrm.create();

  @Test
  void build_withoutClock_namesTheFix() {
    assertThatThrownBy(() -> Scrm.builder().phoneHashKey(Fixtures.KEY).build())
        .hasMessageContaining("clock is required: pass Clock.systemUTC()");
  }

  @Test
  void build_withoutKey_namesTheFix() {
    assertThatThrownBy(() -> Scrm.builder().clock(java.time.Clock.systemUTC()).build())
        .hasMessageContaining("phoneHashKey is required");
  }

  @Test
  void ingest_purchase_createsCustomerWithMetrics() {
    var outcome = scrm.ingest(Fixtures.purchase("e1", daysAgo(10), 100_00, member("M1")));
    assertThat(outcome).isInstanceOf(IngestOutcome.Accepted.class);
    var accepted = (IngestOutcome.Accepted) outcome;
    assertThat(accepted.newCustomer()).isTrue();
    var values = scrm.attributes(accepted.customer()).orElseThrow();
    assertThat(values.get(StandardAttributes.ORDERS_30D)).isEqualTo(1L);
    assertThat(values.get(StandardAttributes.SPEND)).isEqualTo(Money.fen(100_00));
    assertThat(scrm.profile(member("M1"))).map(p -> p.id()).contains(accepted.customer());
  }

  @Test
  void ingest_sameEventTwice_isDuplicateAndChangesNothing() {
    var first = scrm.ingest(Fixtures.purchase("e1", daysAgo(10), 100_00, member("M1")));
    var second = scrm.ingest(Fixtures.purchase("e1", daysAgo(10), 100_00, member("M1")));
    assertThat(second).isInstanceOf(IngestOutcome.Duplicate.class);
    CustomerId id = ((IngestOutcome.Accepted) first).customer();
    assertThat(scrm.profile(id).orElseThrow().attributesAt(NOW).get(StandardAttributes.ORDERS)).isEqualTo(1L);
  }

  @Test
  void ingest_futureEventBeyondSkew_isRejected() {
    var outcome = scrm.ingest(Fixtures.purchase("e1", NOW.plus(Duration.ofHours(1)), 100_00, member("M1")));
    assertThat(outcome).isInstanceOfSatisfying(IngestOutcome.Rejected.class, r -> assertThat(r.problems())
        .singleElement().asString().startsWith("occurredAt: must not be later than now plus PT5M"));
    assertThat(scrm.profile(member("M1"))).isEmpty();
  }

  @Test
  void ingest_junkPhone_isRejectedWithMaskedValue() {
    var outcome = scrm.ingest(Fixtures.joined("e1", NOW, phone("13800000000")));
    assertThat(outcome).isInstanceOfSatisfying(IngestOutcome.Rejected.class, r -> assertThat(r.problems())
        .containsExactly("identifiers[0]: PHONE must not be a blocklisted junk value, but was '138****0000'"));
  }

  @Test
  void ingest_junkDeviceAndNullString_areRejected() {
    var device = Identifier.of(IdentifierType.DEVICE_ID, "00000000-0000-0000-0000-000000000000");
    var nullMember = Identifier.of(IdentifierType.MEMBER_NUMBER, "null");
    var outcome = scrm.ingest(Fixtures.joined("e1", NOW, member("M1"), device, nullMember));
    assertThat(outcome).isInstanceOfSatisfying(IngestOutcome.Rejected.class,
        r -> assertThat(r.problems()).hasSize(2));
  }

  @Test
  void ingest_identifierWithInnerSpace_isAcceptedAsIs() {
    var outcome = scrm.ingest(Fixtures.joined("e1", NOW, member("M 10001")));
    assertThat(outcome).isInstanceOf(IngestOutcome.Accepted.class);
    assertThat(scrm.profile(member("M 10001"))).isPresent();
  }

  @Test
  void ingest_linkingEvent_mergesDeterministicallyAndExplains() {
    CustomerId a = accepted(scrm.ingest(Fixtures.purchase("e1", daysAgo(5), 100_00, member("M1"))));
    CustomerId b = accepted(scrm.ingest(Fixtures.social("e2", daysAgo(4),
        io.github.scrm.core.event.InteractionKind.LIKE, unionid("U1"))));
    var outcome = (IngestOutcome.Accepted) scrm.ingest(
        Fixtures.purchase("e3", daysAgo(1), 50_00, member("M1"), unionid("U1")));
    assertThat(outcome.merges()).singleElement().satisfies(m -> {
      assertThat(m.survivor()).isEqualTo(a);
      assertThat(m.absorbed()).isEqualTo(b);
      assertThat(m.eventId()).isEqualTo("e3");
      assertThat(m.explain()).contains(b + " was merged into " + a).contains("event e3");
    });
    var profile = scrm.profile(b).orElseThrow();
    assertThat(profile.id()).isEqualTo(a);
    assertThat(profile.identifiers()).containsExactlyInAnyOrder(member("M1"), unionid("U1"));
    var values = profile.attributesAt(NOW);
    assertThat(values.get(StandardAttributes.ORDERS)).isEqualTo(2L);
    assertThat(values.get(StandardAttributes.LIKES_7D)).isEqualTo(1L);
  }

  @Test
  void unmerge_restoresBothCustomersWithTheirOwnMetrics() {
    CustomerId a = accepted(scrm.ingest(Fixtures.purchase("e1", daysAgo(5), 100_00, member("M1"))));
    CustomerId b = accepted(scrm.ingest(Fixtures.purchase("e2", daysAgo(4), 70_00, unionid("U1"))));
    scrm.ingest(Fixtures.purchase("e3", daysAgo(1), 50_00, member("M1"), unionid("U1")));
    scrm.ingest(Fixtures.purchase("e4", daysAgo(0), 10_00, unionid("U1")));

    var outcome = scrm.identities().unmerge(b);

    assertThat(outcome).isInstanceOf(io.github.scrm.core.identity.UnmergeOutcome.Unmerged.class);
    assertThat(scrm.profile(a).orElseThrow().attributesAt(NOW).get(StandardAttributes.SPEND))
        .isEqualTo(Money.fen(150_00));
    assertThat(scrm.profile(b).orElseThrow().attributesAt(NOW).get(StandardAttributes.SPEND))
        .isEqualTo(Money.fen(80_00));
    assertThat(scrm.profile(unionid("U1")).orElseThrow().id()).isEqualTo(b);
    assertThat(scrm.identities().mergesOf(b)).singleElement().satisfies(m -> assertThat(m.undone()).isPresent());
    assertThat(scrm.identities().unmerge(b))
        .isInstanceOf(io.github.scrm.core.identity.UnmergeOutcome.NotUnmerged.class);
  }

  @Test
  void unmerge_givesTheAbsorbedCustomerItsEventsBackInTheOrderTheyCame() {
    EventLog log = EventLog.inMemory();
    Scrm withLog = TestScrm.builder().eventLog(log).build();
    withLog.ingest(Fixtures.purchase("m1", daysAgo(9), 10_00, member("M1")));
    // ids whose hash order is the reverse of their arrival order
    CustomerId b = accepted(withLog.ingest(Fixtures.purchase("z1", daysAgo(8), 20_00, unionid("U1"))));
    withLog.ingest(Fixtures.purchase("a2", daysAgo(7), 30_00, unionid("U1")));
    withLog.ingest(Fixtures.purchase("both", daysAgo(6), 40_00, member("M1"), unionid("U1")));
    withLog.ingest(Fixtures.purchase("q3", daysAgo(5), 50_00, unionid("U1")));

    assertThat(withLog.identities().unmerge(b))
        .isInstanceOf(io.github.scrm.core.identity.UnmergeOutcome.Unmerged.class);

    assertThat(log.eventsOf(b)).extracting(e -> e.eventId()).containsExactly("z1", "a2", "q3");
  }

  @Test
  void ingest_mergeBreakingPhoneLimit_isRefusedAndRecordedAsConflict() {
    CustomerId a = accepted(scrm.ingest(Fixtures.joined("e1", daysAgo(5), member("M1"), phone("13812345678"))));
    CustomerId b = accepted(scrm.ingest(Fixtures.joined("e2", daysAgo(4), unionid("U1"), phone("13912345678"))));
    var outcome = (IngestOutcome.Accepted) scrm.ingest(
        Fixtures.purchase("e3", daysAgo(1), 50_00, member("M1"), unionid("U1")));
    assertThat(outcome.merges()).isEmpty();
    assertThat(outcome.customer()).isEqualTo(a);
    assertThat(outcome.conflicts()).singleElement().satisfies(c -> {
      assertThat(c.customers()).containsExactly(a, b);
      assertThat(c.reason()).contains("2 PHONE").contains("at most 1");
    });
    assertThat(scrm.identities().conflicts()).hasSize(1);
    assertThat(scrm.profile(b).orElseThrow().id()).isEqualTo(b);
  }

  @Test
  void ingest_secondPhoneForCustomer_isNotBoundAndIsAConflict() {
    CustomerId a = accepted(scrm.ingest(Fixtures.joined("e1", daysAgo(5), member("M1"), phone("13812345678"))));
    var outcome = (IngestOutcome.Accepted) scrm.ingest(Fixtures.joined("e2", daysAgo(4), member("M1"),
        phone("13912345678")));
    assertThat(outcome.customer()).isEqualTo(a);
    assertThat(outcome.conflicts()).hasSize(1);
    assertThat(scrm.profile(a).orElseThrow().identifiers()).hasSize(2);
    assertThat(scrm.identities().resolve(phone("13912345678"))).isEmpty();
  }

  @Test
  void importEvents_reportsEveryBadLineAndKeepsTheGoodOnes() {
    var json = JsonLines.with(scrm.json());
    String good1 = json.toLine(Fixtures.purchase("e1", daysAgo(3), 10_00, member("M1")));
    String good2 = json.toLine(Fixtures.purchase("e2", daysAgo(2), 20_00, member("M1")));
    String future = json.toLine(Fixtures.purchase("e3", NOW.plus(Duration.ofDays(1)), 20_00, member("M1")));
    String text = good1 + "\n{not json\n\n" + good2 + "\n" + future + "\n" + good1 + "\n";

    ImportReport report = scrm.importEvents(new StringReader(text));

    assertThat(report.accepted()).isEqualTo(2);
    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(report.lines()).isEqualTo(6);
    assertThat(report.rejected()).extracting(JsonLines.BadLine::lineNumber).containsExactly(2L, 5L);
    assertThat(report.rejected().get(1).reason()).startsWith("occurredAt:");
    assertThat(scrm.profile(member("M1")).orElseThrow().attributesAt(NOW).get(StandardAttributes.ORDERS))
        .isEqualTo(2L);
  }

  @Test
  void importEvents_anOrderIdOverItsLimit_isReportedWithItsLineAndField_andTheOtherLinesKept() {
    var json = JsonLines.with(scrm.json());
    String atLimit = "o".repeat(MaxLengths.ORDER_ID);
    String text = json.toLine(Fixtures.purchase("e1", atLimit, daysAgo(3), 10_00, "Nike", member("M1"))) + "\n"
        + json.toLine(Fixtures.purchase("e2", daysAgo(2), 20_00, member("M1"))).replace("order-e2", atLimit + "x")
        + "\n" + json.toLine(Fixtures.purchase("e3", daysAgo(1), 30_00, member("M1"))) + "\n";

    ImportReport report = scrm.importEvents(new StringReader(text));

    assertThat(report.accepted()).isEqualTo(2);
    assertThat(report.rejected()).singleElement()
        .isEqualTo(new JsonLines.BadLine(2, "orderId: must have 1 to 256 non-blank characters, but had 257"));
    assertThat(scrm.profile(member("M1")).orElseThrow().attributesAt(NOW).get(StandardAttributes.ORDERS))
        .isEqualTo(2L);
  }

  @Test
  void importEvents_aLineHoldingJsonNull_isReported_andTheOtherLinesKept() {
    var json = JsonLines.with(scrm.json());
    String text = json.toLine(Fixtures.purchase("e1", daysAgo(3), 10_00, member("M1"))) + "\nnull\n"
        + json.toLine(Fixtures.purchase("e2", daysAgo(2), 20_00, member("M1"))) + "\n";

    ImportReport report = scrm.importEvents(new StringReader(text));

    assertThat(report.accepted()).isEqualTo(2);
    assertThat(report.rejected()).singleElement().isEqualTo(new JsonLines.BadLine(2, JsonLines.NOT_AN_OBJECT));
    assertThat(scrm.profile(member("M1")).orElseThrow().attributesAt(NOW).get(StandardAttributes.ORDERS))
        .isEqualTo(2L);
  }

  @Test
  void importProfiles_aLineHoldingJsonNull_isReportedWithItsLineNumber() {
    scrm.ingest(Fixtures.joined("e1", daysAgo(30), member("M1")));
    StringWriter out = new StringWriter();
    scrm.exportProfiles(out);

    ImportReport report = TestScrm.create().importProfiles(new StringReader("null\n" + out));

    assertThat(report.rejected()).singleElement().isEqualTo(new JsonLines.BadLine(1, JsonLines.NOT_AN_OBJECT));
    assertThat(report.accepted()).isEqualTo(1);
  }

  @Test
  void importEvents_badBirthdayOrOverlongName_isRefusedWithoutRepeatingThem() {
    String head = "\"occurredAt\":\"2026-06-01T02:00:00Z\",\"receivedAt\":\"2026-06-01T02:00:00Z\","
        + "\"sourceChannel\":\"app\",\"identifiers\":[{\"type\":\"MEMBER_NUMBER\",\"value\":\"M1\"}]";
    String longName = "欧阳娜娜".repeat(65);
    String text = "{\"type\":\"profile.updated\",\"eventId\":\"e1\"," + head + ",\"birthday\":\"1990-02-30\"}\n"
        + "{\"type\":\"profile.updated\",\"eventId\":\"e2\"," + head + ",\"name\":\"" + longName + "\"}\n";

    ImportReport report = scrm.importEvents(new StringReader(text));

    assertThat(report.rejected()).extracting(JsonLines.BadLine::reason).containsExactly(
        "birthday: cannot be read as LocalDate (the value is personal data, not shown)",
        "name: must have 1 to 256 non-blank characters, but had 260");
    assertThat(report.toString()).doesNotContain("1990-02-30").doesNotContain("欧阳");
  }

  @Test
  void attributes_ofACustomerWithoutOrders_haveTheirSpendInTheInstancesCurrency() {
    java.util.Currency dollars = java.util.Currency.getInstance("USD");
    Scrm usd = TestScrm.builder().currency(dollars).build();
    var joined = (IngestOutcome.Accepted) usd.ingest(Fixtures.joined("e1", daysAgo(30), member("M1")));

    assertThat(usd.attributes(joined.customer()).orElseThrow().get(StandardAttributes.SPEND))
        .isEqualTo(Money.of(0, dollars));
    assertThat(usd.customerValues().valueOf(joined.customer()).orElseThrow().spendTotal())
        .isEqualTo(Money.of(0, dollars));
    assertThat(usd.currency()).isEqualTo(dollars);
  }

  @Test
  void importProfiles_aLaterExportOfTheCustomer_appliesWhatChanged_andTheSameExportChangesNothing() {
    scrm.ingest(Fixtures.joined("e1", daysAgo(30), member("M1")));
    scrm.ingest(ProfileUpdated.of("e2", daysAgo(2), "app", List.of(member("M1"))).withLocation("Hangzhou", null));
    StringWriter first = new StringWriter();
    scrm.exportProfiles(first);
    scrm.ingest(ProfileUpdated.of("e3", daysAgo(1), "app", List.of(member("M1"))).withLocation("Shanghai", null));
    StringWriter second = new StringWriter();
    scrm.exportProfiles(second);
    Scrm replica = TestScrm.create();
    replica.importProfiles(new StringReader(first.toString()));

    ImportReport later = replica.importProfiles(new StringReader(second.toString()));
    ImportReport again = replica.importProfiles(new StringReader(second.toString()));

    assertThat(later.accepted()).isEqualTo(1);
    assertThat(replica.profile(member("M1")).orElseThrow().city()).contains("Shanghai");
    assertThat(again.duplicates()).isEqualTo(1);
  }

  @Test
  void importEvents_overSeveralPages_reportsTheLinesOfLaterPages() {
    var json = JsonLines.with(scrm.json());
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 700; i++) {
      // line 300 comes from the future, line 600 repeats line 1
      Duration ago = i == 300 ? Duration.ofDays(-1) : Duration.ofMinutes(i);
      String eventId = i == 600 ? "e1" : "e" + i;
      text.append(json.toLine(Fixtures.purchase(eventId, NOW.minus(ago), 1_00, member("M" + i % 7)))).append('\n');
    }

    ImportReport report = scrm.importEvents(new StringReader(text.toString()));

    assertThat(report.lines()).isEqualTo(700);
    assertThat(report.accepted()).isEqualTo(698);
    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(report.rejected()).extracting(JsonLines.BadLine::lineNumber).containsExactly(300L);
  }

  @Test
  void importEvents_readFailure_keepsTheLinesReadBeforeIt() {
    var json = JsonLines.with(scrm.json());
    String lines = json.toLine(Fixtures.purchase("e1", daysAgo(3), 10_00, member("M1"))) + "\n"
        + json.toLine(Fixtures.purchase("e2", daysAgo(2), 20_00, member("M1"))) + "\n";
    java.io.Reader failing = new java.io.Reader() {
      private final StringReader head = new StringReader(lines);

      @Override
      public int read(char[] buffer, int offset, int length) throws java.io.IOException {
        int n = head.read(buffer, offset, length);
        if (n < 0) {
          throw new java.io.IOException("connection reset");
        }
        return n;
      }

      @Override
      public void close() {}
    };

    assertThatThrownBy(() -> scrm.importEvents(failing)).isInstanceOf(ScrmException.class)
        .hasMessageContaining("after line 2");
    assertThat(scrm.profile(member("M1")).orElseThrow().attributesAt(NOW).get(StandardAttributes.ORDERS))
        .isEqualTo(2L);
  }

  @Test
  void exportAndImportEvents_rebuildTheSameProfiles() {
    scrm.ingest(Fixtures.purchase("e1", daysAgo(3), 10_00, member("M1"), phone("13812345678")));
    scrm.ingest(Fixtures.social("e2", daysAgo(2), io.github.scrm.core.event.InteractionKind.COMMENT, member("M1")));
    StringWriter out = new StringWriter();
    scrm.exportEvents(out);

    Scrm other = TestScrm.create();
    ImportReport report = other.importEvents(new StringReader(out.toString()));

    assertThat(report.accepted()).isEqualTo(2);
    var before = scrm.profile(member("M1")).orElseThrow();
    var after = other.profile(phone("13812345678")).orElseThrow();
    assertThat(after.snapshot(StandardAttributes.ALL, NOW, java.time.ZoneId.of("Asia/Shanghai")))
        .isEqualTo(before.snapshot(StandardAttributes.ALL, NOW, java.time.ZoneId.of("Asia/Shanghai")));
  }

  @Test
  void importProfiles_keepWhenEachValueWasSet_soAnEventSentLaterThatSetItInBetweenStillWins() {
    scrm.ingest(Fixtures.joined("e1", daysAgo(30), member("M1")));
    scrm.ingest(ProfileUpdated.of("e2", daysAgo(3), "app", List.of(member("M1"))).withLocation("Hangzhou", null)
        .withTags(List.of("vip"), List.of()));
    StringWriter out = new StringWriter();
    scrm.exportProfiles(out);
    Scrm replica = TestScrm.create();
    replica.importProfiles(new StringReader(out.toString()));

    // the host's stream reaches the replica after the import: this update happened after the exported values were set
    replica.ingest(ProfileUpdated.of("e3", daysAgo(1), "app", List.of(member("M1"))).withLocation("Shanghai", null)
        .withTags(List.of(), List.of("vip")));

    var p = replica.profile(member("M1")).orElseThrow();
    assertThat(p.city()).contains("Shanghai");
    assertThat(p.tags()).isEmpty();
    assertThat(out.toString()).contains("\"setAt\":{\"city\":\"" + daysAgo(3) + "\",\"tags:vip\":\"" + daysAgo(3)
        + "\"}");
  }

  @Test
  void importProfiles_aTimeForAFieldTheDocumentDoesNotHold_isRefusedWithTheKey() {
    String line = "{\"customerId\":\"c1\",\"identifiers\":[{\"type\":\"MEMBER_NUMBER\",\"value\":\"M1\"}],"
        + "\"city\":\"Hangzhou\",\"noPersonalisedMarketing\":false,\"setAt\":{\"city\":\"" + daysAgo(2) + "\",\"tags:vip\":\"" + daysAgo(2) + "\"}}";

    ImportReport report = scrm.importProfiles(new StringReader(line + "\n"));

    assertThat(report.rejected()).singleElement().satisfies(bad -> {
      assertThat(bad.lineNumber()).isEqualTo(1);
      assertThat(bad.reason()).startsWith("setAt/tags:vip: must name a field, tag or custom attribute the document");
    });
    assertThat(scrm.profile(member("M1"))).isEmpty();
  }

  @Test
  void importProfiles_aDocumentWithoutTimes_setsItsValuesAtTheImport() {
    String line = "{\"customerId\":\"c1\",\"identifiers\":[{\"type\":\"MEMBER_NUMBER\",\"value\":\"M1\"}],"
        + "\"city\":\"Hangzhou\",\"noPersonalisedMarketing\":false,\"tags\":[\"vip\"]}";
    scrm.importProfiles(new StringReader(line + "\n"));

    scrm.ingest(ProfileUpdated.of("e3", daysAgo(1), "app", List.of(member("M1"))).withLocation("Shanghai", null));

    assertThat(scrm.profile(member("M1")).orElseThrow().city()).contains("Hangzhou");
    assertThat(scrm.importProfiles(new StringReader(line + "\n")).duplicates()).isEqualTo(1);
  }

  @Test
  void exportAndImportProfiles_carryTheFields() {
    scrm.ingest(Fixtures.joined("e1", daysAgo(30), member("M1")));
    scrm.ingest(ProfileUpdated.of("e2", daysAgo(2), "app", List.of(member("M1"))).withName("张三")
        .withLocation("Hangzhou", "Zhejiang").withTags(List.of("vip"), List.of()).withMemberLevel("GOLD"));
    StringWriter out = new StringWriter();
    scrm.exportProfiles(out);

    Scrm other = TestScrm.create();
    ImportReport report = other.importProfiles(new StringReader(out.toString()));

    assertThat(report.clean()).isTrue();
    var p = other.profile(member("M1")).orElseThrow();
    assertThat(p.name()).contains("张三");
    assertThat(p.city()).contains("Hangzhou");
    assertThat(p.tags()).containsExactly("vip");
    assertThat(p.memberSince()).contains(daysAgo(30));
    assertThat(p.levelHistory()).extracting(l -> l.level()).containsExactly("GOLD");
    assertThat(other.importProfiles(new StringReader(out.toString())).duplicates()).isEqualTo(1);
  }

  @Test
  void importProfiles_aDocumentWithOneBadPart_isRejectedWhole() {
    AttributeKey<Long> shoeSize = AttributeKey.custom("custom.shoeSize", AttributeType.LONG, Long.class, "EU",
        "shoe size");
    Scrm withCustom = TestScrm.builder().customAttributes(shoeSize).build();
    withCustom.ingest(Fixtures.joined("e1", daysAgo(30), member("M1")));
    withCustom.ingest(ProfileUpdated.of("e2", daysAgo(2), "app", List.of(member("M1"))).withLocation("Hangzhou", null)
        .withAttributes(Map.of("custom.shoeSize", "42")));
    StringWriter out = new StringWriter();
    withCustom.exportProfiles(out);

    // the importing instance has no such attribute: the line is refused, and nothing of it is applied
    Scrm other = TestScrm.create();
    ImportReport report = other.importProfiles(new StringReader(out.toString()));

    assertThat(report.accepted()).isZero();
    assertThat(report.rejected()).singleElement().satisfies(bad -> {
      assertThat(bad.lineNumber()).isEqualTo(1);
      assertThat(bad.reason()).contains("attributes.custom.shoeSize: must be a registered custom attribute");
    });
    assertThat(other.profile(member("M1"))).isEmpty();
  }

  @Test
  void amountsInAnotherCurrencyThanTheInstances_areRefusedWithTheField() {
    java.util.Currency usd = java.util.Currency.getInstance("USD");
    PurchaseLine line = new PurchaseLine("sku-1", "Nike", "shoes", 1, Money.of(80_00, usd), Money.zero(usd));
    var dollars = new Purchase("e1", daysAgo(2), daysAgo(2), "app", List.of(member("M1")), "o-1", List.of(line),
        Money.of(80_00, usd), List.of(), "app", null, null);
    var refund = new Refund("e2", daysAgo(1), daysAgo(1), "app", List.of(member("M1")), "o-1", List.of(),
        Money.of(10_00, usd));

    assertThat(scrm.ingest(dollars)).isInstanceOfSatisfying(IngestOutcome.Rejected.class,
        r -> assertThat(r.problems()).containsExactly(
            "paidAmount.currency: must be CNY, the currency this instance keeps amounts in, but was USD"));
    assertThat(scrm.ingest(refund)).isInstanceOfSatisfying(IngestOutcome.Rejected.class,
        r -> assertThat(r.problems()).containsExactly(
            "amount.currency: must be CNY, the currency this instance keeps amounts in, but was USD"));
    assertThat(scrm.profile(member("M1"))).isEmpty();

    Scrm inDollars = TestScrm.builder().currency(usd).build();
    assertThat(inDollars.ingest(dollars)).isInstanceOf(IngestOutcome.Accepted.class);
    assertThat(inDollars.profile(member("M1")).orElseThrow().attributesAt(NOW).get(StandardAttributes.SPEND))
        .isEqualTo(Money.of(80_00, usd));
    assertThat(inDollars.ingest(Fixtures.purchase("e3", daysAgo(1), 10_00, member("M1"))))
        .isInstanceOf(IngestOutcome.Rejected.class);
  }

  @Test
  void customAttributes_registered_areTypedAndUnknownOnesRejected() {
    AttributeKey<Long> shoeSize = AttributeKey.custom("custom.shoeSize", AttributeType.LONG, Long.class, "EU",
        "shoe size");
    Scrm withCustom = TestScrm.builder().customAttributes(shoeSize).build();
    var ok = withCustom.ingest(ProfileUpdated.of("e1", daysAgo(1), "app", List.of(member("M1")))
        .withAttributes(Map.of("custom.shoeSize", "42")));
    var bad = withCustom.ingest(ProfileUpdated.of("e2", daysAgo(1), "app", List.of(member("M1")))
        .withAttributes(Map.of("custom.shoeSize", "big", "custom.hat", "L")));
    assertThat(ok).isInstanceOf(IngestOutcome.Accepted.class);
    assertThat(withCustom.profile(member("M1")).orElseThrow().attributesAt(NOW).get(shoeSize)).isEqualTo(42L);
    assertThat(bad).isInstanceOfSatisfying(IngestOutcome.Rejected.class, r -> assertThat(r.problems())
        .anyMatch(p -> p.startsWith("attributes.custom.shoeSize: must be a LONG"))
        .anyMatch(p -> p.startsWith("attributes.custom.hat: must be a registered custom attribute")));
  }

  @Test
  void customerValues_reportSpendOrdersAndLevel() {
    CustomerId id = accepted(scrm.ingest(Fixtures.purchase("e1", daysAgo(3), 10_00, member("M1"))));
    assertThat(scrm.customerValues().valueOf(id)).hasValueSatisfying(v -> {
      assertThat(v.spendTotal()).isEqualTo(Money.fen(10_00));
      assertThat(v.orders()).isEqualTo(1);
      assertThat(v.memberLevel()).isEmpty();
    });
    assertThat(scrm.customerValues().valueOf(CustomerId.of("nobody"))).isEmpty();
  }

  static CustomerId accepted(IngestOutcome outcome) {
    assertThat(outcome).isInstanceOf(IngestOutcome.Accepted.class);
    return ((IngestOutcome.Accepted) outcome).customer();
  }
}
