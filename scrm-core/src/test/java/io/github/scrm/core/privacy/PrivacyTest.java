package io.github.scrm.core.privacy;

import static io.github.scrm.core.Fixtures.daysAgo;
import static io.github.scrm.core.Fixtures.member;
import static io.github.scrm.core.Fixtures.openid;
import static io.github.scrm.core.Fixtures.phone;
import static io.github.scrm.core.Fixtures.unionid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.scrm.core.Fixtures;
import io.github.scrm.core.Scrm;
import io.github.scrm.core.TestScrm;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.consent.ConsentStatus;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.IngestOutcome;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.profile.ProfilePorts;
import io.github.scrm.core.referral.ImmutableCampaignSpec;
import io.github.scrm.core.referral.LadderStep;
import io.github.scrm.core.referral.ReferralCode;
import io.github.scrm.core.referral.ReferralOutcome;
import io.github.scrm.core.referral.Referrals;
import io.github.scrm.core.referral.RewardSpec;
import io.github.scrm.core.referral.Support;
import io.github.scrm.core.referral.SupportRecord;
import io.github.scrm.core.spi.ErasureStore;
import io.github.scrm.core.spi.EventLog;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.spi.IdentityIndex;
import io.github.scrm.core.spi.PersonalDataParticipant;
import io.github.scrm.core.spi.ProfileStore;
import io.github.scrm.core.spi.ReferralStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class PrivacyTest {

  private final List<CustomerId> erasedByLedger = new ArrayList<>();
  private final PersonalDataParticipant ledger = new PersonalDataParticipant() {
    @Override
    public String name() {
      return "contactLedger";
    }

    @Override
    public Object export(CustomerId customer) {
      return List.of(Map.of("channel", "SMS", "purpose", "MARKETING"));
    }

    @Override
    public int erase(CustomerId customer) {
      erasedByLedger.add(customer);
      return 3;
    }
  };

  private final Scrm scrm = TestScrm.builder().privacyParticipant(ledger).build();

  private CustomerId aCustomerWithHistory() {
    var outcome = scrm.ingest(ProfileUpdated.of("e1", daysAgo(5), "app", List.of(member("M1"), phone("13812345678")))
        .withName("李雷").withLocation("Chengdu", "Sichuan"));
    scrm.ingest(Fixtures.purchase("e2", daysAgo(3), 88_00, member("M1")));
    scrm.ingest(Fixtures.consent("e3", daysAgo(3), ContactChannel.SMS, ConsentStatus.GRANTED, member("M1")));
    return ((IngestOutcome.Accepted) outcome).customer();
  }

  @Test
  void export_containsProfileEventsConsentsAndParticipantSections() throws Exception {
    CustomerId id = aCustomerWithHistory();
    JsonNode doc = scrm.json().readTree(scrm.privacy().export(id).orElseThrow());
    assertThat(doc.path("customerId").asText()).isEqualTo(id.value());
    assertThat(doc.path("profile").path("name").asText()).isEqualTo("李雷");
    assertThat(doc.path("profile").path("consents")).hasSize(1);
    assertThat(doc.path("events")).hasSize(3);
    assertThat(doc.path("attributes").path("orders.count").asLong()).isEqualTo(1);
    assertThat(doc.path("sections").path("contactLedger").get(0).path("channel").asText()).isEqualTo("SMS");
    assertThat(doc.toString()).doesNotContain("13812345678").contains("138****5678");
  }

  @Test
  void erase_removesPersonalDataKeepsAggregatesAndIsRecorded() {
    CustomerId id = aCustomerWithHistory();

    ErasureRecord record = scrm.privacy().erase(id).orElseThrow();

    assertThat(record.identifiersRemoved()).isEqualTo(2);
    assertThat(record.eventsRemoved()).isEqualTo(3);
    assertThat(record.participants()).containsEntry("contactLedger", 3);
    assertThat(record.complete()).isTrue();
    assertThat(erasedByLedger).containsExactly(id);
    assertThat(scrm.profile(member("M1"))).isEmpty();
    var profile = scrm.profile(id).orElseThrow();
    assertThat(profile.name()).isEmpty();
    assertThat(profile.identifiers()).isEmpty();
    assertThat(profile.consents()).isEmpty();
    assertThat(profile.attributesAt(Fixtures.NOW).get(StandardAttributes.ORDERS)).isEqualTo(1L);
    assertThat(scrm.privacy().erasures()).containsExactly(record);
    assertThat(scrm.ingest(Fixtures.purchase("e2", daysAgo(3), 88_00, member("M1"))))
        .isInstanceOf(IngestOutcome.Duplicate.class);
    // the re-sent event does not bind the erased identifier again: a new event with it makes a new customer
    assertThat(scrm.profile(member("M1"))).isEmpty();
    assertThat(scrm.ingest(Fixtures.purchase("e9", daysAgo(1), 10_00, member("M1"))))
        .isInstanceOfSatisfying(IngestOutcome.Accepted.class, a -> assertThat(a.newCustomer()).isTrue());
  }

  /** Three customers merged into one in two steps: c3 into c2, then c2 into c1; c2 also has a refused phone. */
  private final class MergedInTwoSteps {
    final Identifier openid = Identifier.scoped(IdentifierType.WECHAT_OPENID, "wx-app", "o-three");
    final Identifier device = Identifier.of(IdentifierType.DEVICE_ID, "device-three");
    final Identifier refusedPhone = phone("13987654321");
    final CustomerId c1 = accepted(Fixtures.joined("e1", daysAgo(9), member("M1")));
    final CustomerId c2 = accepted(Fixtures.joined("e2", daysAgo(8), unionid("U2"), phone("13812345678")));
    final CustomerId c3 = accepted(Fixtures.joined("e3", daysAgo(7), openid, device));

    MergedInTwoSteps() {
      accepted(Fixtures.joined("e4", daysAgo(6), unionid("U2"), refusedPhone));
      assertThat(scrm.identities().conflicts()).as("the second phone is refused").hasSize(1);
      accepted(Fixtures.joined("e5", daysAgo(5), unionid("U2"), openid));
      accepted(Fixtures.joined("e6", daysAgo(4), member("M1"), unionid("U2")));
      assertThat(scrm.identities().current(c3)).isEqualTo(c1);
      assertThat(scrm.identities().current(c2)).isEqualTo(c1);
    }

    private CustomerId accepted(io.github.scrm.core.event.CustomerEvent event) {
      return ((IngestOutcome.Accepted) scrm.ingest(event)).customer();
    }
  }

  @Test
  void export_ofASurvivor_containsTheMergesAndConflictsOfEveryCustomerMergedIntoIt() throws Exception {
    MergedInTwoSteps m = new MergedInTwoSteps();

    JsonNode doc = scrm.json().readTree(scrm.privacy().export(m.c1).orElseThrow());

    assertThat(doc.path("merges")).extracting(r -> r.path("absorbed").asText())
        .containsExactlyInAnyOrder(m.c2.value(), m.c3.value());
    assertThat(doc.path("conflicts")).singleElement()
        .satisfies(c -> assertThat(c.path("identifier").path("value").asText()).isEqualTo(m.refusedPhone.value()));
  }

  @Test
  void erase_ofASurvivor_redactsTheMergesAndConflictsOfEveryCustomerMergedIntoIt() {
    MergedInTwoSteps m = new MergedInTwoSteps();

    scrm.privacy().erase(m.c1).orElseThrow();

    for (CustomerId id : List.of(m.c1, m.c2, m.c3)) {
      assertThat(scrm.identities().mergesOf(id)).as("merges of " + id).isNotEmpty().allSatisfy(r -> {
        assertThat(r.movedIdentifiers()).isEmpty();
        assertThat(r.linkingIdentifiers()).isEmpty();
      });
    }
    assertThat(scrm.identities().conflicts()).as("conflicts name identifiers").isEmpty();
  }

  @Test
  void erase_failingParticipant_isReportedIncomplete() {
    Scrm failing = TestScrm.builder().privacyParticipant(new PersonalDataParticipant() {
      @Override
      public String name() {
        return "referrals";
      }

      @Override
      public Object export(CustomerId customer) {
        return List.of();
      }

      @Override
      public int erase(CustomerId customer) {
        throw new io.github.scrm.core.ScrmException("referral store unavailable");
      }
    }).build();
    var id = ((IngestOutcome.Accepted) failing.ingest(Fixtures.joined("e1", daysAgo(1), member("M1")))).customer();
    assertThat(failing.privacy().erase(id).orElseThrow().complete()).isFalse();
  }

  @Test
  void erasureRecords_outliveTheInstance_withTheHostsStores() throws Exception {
    ProfileStore profiles = ProfileStore.inMemory();
    EventLog events = EventLog.inMemory();
    IdentityIndex index = IdentityIndex.inMemory();
    ErasureStore erasures = ErasureStore.inMemory();
    Scrm before = TestScrm.builder().profileStore(profiles).eventLog(events).identityIndex(index)
        .erasureStore(erasures).build();
    CustomerId id =
        ((IngestOutcome.Accepted) before.ingest(Fixtures.joined("e1", daysAgo(1), member("M1")))).customer();
    ErasureRecord record = before.privacy().erase(id).orElseThrow();

    // a new instance over the same stores, as after a restart: the accountability record is still there
    Scrm after = TestScrm.builder().profileStore(profiles).eventLog(events).identityIndex(index)
        .erasureStore(erasures).build();
    assertThat(after.privacy().erasures()).containsExactly(record);
    JsonNode export = after.json().readTree(after.privacy().export(id).orElseThrow());
    assertThat(export.get("erasures")).hasSize(1);
    assertThat(export.get("erasures").get(0).get("eventsRemoved").asInt()).isEqualTo(1);
  }

  @Test
  void erase_reachesSupportsTheCustomerGaveAsAProspect_throughTheIdentifiersTheProfileHad() throws Exception {
    ReferralStore store = ReferralStore.inMemory();
    Referrals referrals = referralsWithACampaign(store);
    CustomerId alice =
        ((IngestOutcome.Accepted) scrm.ingest(Fixtures.joined("e1", daysAgo(10), member("A1")))).customer();
    ReferralCode poster =
        ((ReferralOutcome.CodeIssued) referrals.campaigns().poster("help", alice)).assignment().code();
    referrals.campaigns().support(new Support(poster, Set.of(phone("13900000001")), Optional.of("device-1"),
        Optional.empty(), Fixtures.NOW));
    CustomerId dan = ((IngestOutcome.Accepted) scrm.ingest(
        Fixtures.joined("e2", Fixtures.NOW, member("D1"), phone("13900000001")))).customer();
    JsonNode export = scrm.json().readTree(scrm.privacy().export(dan).orElseThrow());

    ErasureRecord record = scrm.privacy().erase(dan).orElseThrow();

    assertThat(export.path("sections").path("referrals").path("supports")).singleElement()
        .satisfies(s -> assertThat(s.path("asProspect").asBoolean()).isTrue());
    assertThat(record.participants()).containsEntry("referrals", 1);
    assertThat(store.supportsOf("help")).singleElement().satisfies(s -> {
      assertThat(s.identifierKeys()).isEmpty();
      assertThat(s.device()).isEmpty();
    });
  }

  @Test
  void erase_renamesTheSupportsGivenUnderAnOpenid_soTheOpenidLeavesTheStore_andEveryPosterKeepsItsCount()
      throws Exception {
    ReferralStore store = ReferralStore.inMemory();
    Referrals referrals = referralsWithACampaign(store);
    CustomerId alice =
        ((IngestOutcome.Accepted) scrm.ingest(Fixtures.joined("e1", daysAgo(10), member("A1")))).customer();
    CustomerId carol =
        ((IngestOutcome.Accepted) scrm.ingest(Fixtures.joined("e2", daysAgo(10), member("C1")))).customer();
    ReferralCode alices =
        ((ReferralOutcome.CodeIssued) referrals.campaigns().poster("help", alice)).assignment().code();
    ReferralCode carols =
        ((ReferralOutcome.CodeIssued) referrals.campaigns().poster("help", carol)).assignment().code();
    for (ReferralCode poster : List.of(alices, carols)) {
      referrals.campaigns().support(new Support(poster, Set.of(openid("o-dan")), Optional.of("device-d"),
          Optional.empty(), Fixtures.NOW));
    }
    referrals.campaigns().support(new Support(alices, Set.of(openid("o-eve")), Optional.of("device-e"),
        Optional.empty(), Fixtures.NOW));
    CustomerId dan = ((IngestOutcome.Accepted) scrm.ingest(
        Fixtures.joined("e3", Fixtures.NOW, member("D1"), openid("o-dan")))).customer();
    assertThat(held(store.supportsOf("help"))).contains("o-dan");

    ErasureRecord record = scrm.privacy().erase(dan).orElseThrow();

    assertThat(record.participants()).containsEntry("referrals", 2);
    List<SupportRecord> supports = store.supportsOf("help");
    assertThat(held(supports)).doesNotContain("o-dan", "device-d", dan.value());
    assertThat(supports).filteredOn(s -> s.person().startsWith("erased:")).hasSize(2)
        .extracting(SupportRecord::person).containsOnly(supports.get(0).person());
    assertThat(supports).filteredOn(s -> s.device().isPresent()).singleElement()
        .satisfies(s -> assertThat(s.identifierKeys()).containsExactly(openid("o-eve").key()));
    assertThat(referrals.campaigns().progress(alices).orElseThrow().supporters()).isEqualTo(2);
    assertThat(referrals.campaigns().progress(carols).orElseThrow().supporters()).isEqualTo(1);
    JsonNode export = scrm.json().readTree(scrm.privacy().export(dan).orElseThrow());
    assertThat(export.path("sections").path("referrals").path("supports")).isEmpty();

    assertThat(scrm.privacy().erase(dan).orElseThrow().participants()).containsEntry("referrals", 0);
    assertThat(store.supportsOf("help")).isEqualTo(supports);
  }

  @Test
  void unknownCustomer_hasNoExportAndNoErasure() {
    assertThat(scrm.privacy().export(CustomerId.of("nobody"))).isEmpty();
    assertThat(scrm.privacy().erase(CustomerId.of("nobody"))).isEmpty();
  }

  /** Everything the supports hold, spelt out (their {@code toString} hides it). */
  private static String held(List<SupportRecord> supports) {
    return supports.stream().map(s -> String.join(" ", s.campaign(), s.poster().value(), s.person(),
        String.join(",", s.identifierKeys()), s.device().orElse(""), s.network().orElse(""))).toList().toString();
  }

  /** Referrals over {@code store}, taking part in this instance's privacy requests, with a supporter campaign "help". */
  private Referrals referralsWithACampaign(ReferralStore store) {
    Referrals referrals = Referrals.builder().time(scrm.time()).ids(IdSource.sequential("t", 7))
        .directory(ProfilePorts.personDirectory(scrm)).store(store).build();
    scrm.privacy().register(referrals.privacyParticipant());
    referrals.campaigns().define(ImmutableCampaignSpec.builder().id("help").name("Help me win")
        .startsAt(daysAgo(1)).deadline(Fixtures.NOW.plus(Duration.ofDays(3))).postersPerSupporter(2)
        .addLadder(LadderStep.of(3, RewardSpec.of("coupon-10", Money.fen(10_00)))).budget(Money.fen(100_00)).build());
    return referrals;
  }
}
