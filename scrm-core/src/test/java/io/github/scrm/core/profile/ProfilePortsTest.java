package io.github.scrm.core.profile;

import static io.github.scrm.core.Fixtures.NOW;
import static io.github.scrm.core.Fixtures.consent;
import static io.github.scrm.core.Fixtures.daysAgo;
import static io.github.scrm.core.Fixtures.joined;
import static io.github.scrm.core.Fixtures.member;
import static io.github.scrm.core.Fixtures.phone;
import static io.github.scrm.core.Fixtures.unionid;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.Fixtures;
import io.github.scrm.core.Scrm;
import io.github.scrm.core.TestScrm;
import io.github.scrm.core.attribute.AttributeKey;
import io.github.scrm.core.attribute.AttributeType;
import io.github.scrm.core.attribute.StandardAttributes;
import io.github.scrm.core.consent.ConsentStatus;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.contact.ContactDecision;
import io.github.scrm.core.contact.ContactLedgers;
import io.github.scrm.core.contact.ContactPolicy;
import io.github.scrm.core.contact.DenialReason;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.spi.InfluenceSink;
import io.github.scrm.core.spi.PersonDirectory;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ProfilePortsTest {

  private final Scrm scrm = TestScrm.create();

  private CustomerId customerOf(Identifier identifier) {
    return scrm.identities().resolve(identifier).orElseThrow();
  }

  @Test
  void personDirectory_resolvesAnyIdentifierOfAProfile() {
    scrm.ingest(joined("e1", daysAgo(10), unionid("u-amy"), member("M1")));
    scrm.ingest(joined("e2", daysAgo(5), phone("13912345678")));
    PersonDirectory directory = ProfilePorts.personDirectory(scrm);
    CustomerId amy = customerOf(member("M1"));

    assertThat(directory.resolve(List.of(unionid("u-none"), unionid("u-amy")))).contains(amy);
    assertThat(directory.resolve(List.of(unionid("u-none")))).isEmpty();
    assertThat(directory.identifiersOf(amy)).containsExactlyInAnyOrder(unionid("u-amy"), member("M1"));
    assertThat(directory.identifiersOf(CustomerId.of("ghost"))).isEmpty();
    assertThat(directory.firstSeen(amy)).contains(daysAgo(10));
  }

  @Test
  void personDirectory_tellsWhetherAnOrderCameBeforeAnother() {
    scrm.ingest(joined("e1", daysAgo(30), member("M1")));
    scrm.ingest(Fixtures.purchase("e2", "o-1", daysAgo(5), 10_00, "Nike", member("M1")));
    scrm.ingest(Fixtures.purchase("e3", "o-2", daysAgo(2), 10_00, "Nike", member("M1")));
    PersonDirectory directory = ProfilePorts.personDirectory(scrm);
    CustomerId amy = customerOf(member("M1"));

    assertThat(directory.hasOrderBefore(amy, daysAgo(10), "o-2", daysAgo(2))).contains(true);
    assertThat(directory.hasOrderBefore(amy, daysAgo(10), "o-1", daysAgo(5))).contains(false);
    // only orders since the given instant count, and a later order is not an earlier one
    assertThat(directory.hasOrderBefore(amy, daysAgo(4), "o-2", daysAgo(2))).contains(false);
    assertThat(directory.hasOrderBefore(amy, daysAgo(10), "o-3", daysAgo(6))).contains(false);
    assertThat(directory.hasOrderBefore(CustomerId.of("ghost"), daysAgo(10), "o-1", NOW)).isEmpty();
  }

  @Test
  void personDirectory_identifiersOfTwoCustomers_picksTheSmallestId() {
    scrm.ingest(joined("e1", daysAgo(10), unionid("u-a")));
    scrm.ingest(joined("e2", daysAgo(9), unionid("u-b")));
    CustomerId a = customerOf(unionid("u-a"));
    CustomerId b = customerOf(unionid("u-b"));
    CustomerId smaller = a.compareTo(b) < 0 ? a : b;

    assertThat(ProfilePorts.personDirectory(scrm).resolve(List.of(unionid("u-b"), unionid("u-a"))))
        .contains(smaller);
  }

  @Test
  void contactSubjects_followTheProfilesConsents() {
    scrm.ingest(joined("e1", daysAgo(10), member("M1")));
    ContactPolicy policy = ContactPolicy.builder()
        .subjects(ProfilePorts.contactSubjects(scrm))
        .ledger(ContactLedgers.inMemory())
        .time(scrm.time())
        .build();
    CustomerId amy = customerOf(member("M1"));

    ContactDecision before = policy.check(amy, ContactChannel.SMS, ContactPurpose.MARKETING, Optional.empty(), NOW);
    scrm.ingest(consent("e2", daysAgo(1), ContactChannel.SMS, ConsentStatus.GRANTED, member("M1")));
    ContactDecision after = policy.check(amy, ContactChannel.SMS, ContactPurpose.MARKETING, Optional.empty(), NOW);

    assertThat(before).isInstanceOf(ContactDecision.Denied.class);
    assertThat(after).isInstanceOf(ContactDecision.Allowed.class);
  }

  @Test
  void contactSubjects_idsMergedIntoOneCustomer_shareItsCapsAndCampaigns() {
    scrm.ingest(joined("e1", daysAgo(10), member("M1")));
    scrm.ingest(joined("e2", daysAgo(10), unionid("u-2")));
    scrm.ingest(joined("e3", daysAgo(10), phone("13912345678")));
    CustomerId c1 = customerOf(member("M1"));
    CustomerId c2 = customerOf(unionid("u-2"));
    CustomerId c3 = customerOf(phone("13912345678"));
    scrm.ingest(joined("e5", daysAgo(9), unionid("u-2"), phone("13912345678")));
    scrm.ingest(joined("e6", daysAgo(8), member("M1"), unionid("u-2")));
    scrm.ingest(consent("e7", daysAgo(7), ContactChannel.WECOM, ConsentStatus.GRANTED, member("M1")));
    assertThat(scrm.identities().current(c3)).isEqualTo(c1);
    var ledger = ContactLedgers.inMemory();
    ContactPolicy policy = ContactPolicy.builder()
        .subjects(ProfilePorts.contactSubjects(scrm))
        .ledger(ledger)
        .time(scrm.time())
        .build();
    var campaign = Optional.of(io.github.scrm.core.contact.CampaignId.of("x"));

    List<ContactDecision> decisions = List.of(c1, c3, c2).stream()
        .map(c -> policy.checkAndRecord(c, ContactChannel.WECOM, ContactPurpose.MARKETING, campaign, NOW))
        .toList();

    assertThat(decisions).extracting(ContactDecision::allowed).containsExactly(true, false, false);
    assertThat(ledger.contactsOf(c1)).hasSize(1);
    assertThat(ledger.contactsOf(c2)).isEmpty();
    assertThat(ledger.contactsOf(c3)).isEmpty();
  }

  @Test
  void contactSubjects_contactsOfACustomerBeforeItsMerge_countAgainstTheSurvivor_untilUnmerged() {
    scrm.ingest(joined("e1", daysAgo(10), member("M1")));
    scrm.ingest(joined("e2", daysAgo(10), unionid("u-2")));
    scrm.ingest(consent("e3", daysAgo(9), ContactChannel.WECOM, ConsentStatus.GRANTED, member("M1")));
    scrm.ingest(consent("e4", daysAgo(9), ContactChannel.WECOM, ConsentStatus.GRANTED, unionid("u-2")));
    CustomerId c1 = customerOf(member("M1"));
    CustomerId c2 = customerOf(unionid("u-2"));
    var ledger = ContactLedgers.inMemory();
    ContactPolicy policy = ContactPolicy.builder()
        .subjects(ProfilePorts.contactSubjects(scrm))
        .ledger(ledger)
        .time(scrm.time())
        .build();
    var campaign = Optional.of(io.github.scrm.core.contact.CampaignId.of("x"));
    assertThat(policy.checkAndRecord(c2, ContactChannel.WECOM, ContactPurpose.MARKETING, campaign, daysAgo(3))
        .allowed()).isTrue();

    scrm.ingest(joined("e5", daysAgo(2), member("M1"), unionid("u-2")));

    assertThat(ProfilePorts.contactSubjects(scrm).find(c1).orElseThrow().mergedIds()).containsExactly(c2);
    assertThat(policy.checkAndRecord(c1, ContactChannel.WECOM, ContactPurpose.MARKETING, campaign, NOW))
        .isInstanceOfSatisfying(ContactDecision.Denied.class,
            d -> assertThat(d.reason()).isEqualTo(DenialReason.CAMPAIGN_ALREADY_SENT));
    // two people after all: the campaign reached only the other one
    scrm.identities().unmerge(c2);
    assertThat(policy.checkAndRecord(c1, ContactChannel.WECOM, ContactPurpose.MARKETING, campaign, NOW).allowed())
        .isTrue();
  }

  @Test
  void contactSubjects_withTheHostsZone_judgeQuietHoursInTheCustomersZone() {
    AttributeKey<String> timeZone = AttributeKey.custom("custom.timeZone", AttributeType.STRING, String.class, "",
        "the customer's time zone, an IANA id");
    Scrm withZone = TestScrm.builder().customAttributes(timeZone).build();
    withZone.ingest(ProfileUpdated.of("e1", daysAgo(10), "app", List.of(member("M1")))
        .withAttributes(Map.of("custom.timeZone", "Europe/Berlin")));
    withZone.ingest(consent("e2", daysAgo(9), ContactChannel.WECOM, ConsentStatus.GRANTED, member("M1")));
    CustomerId inBerlin = withZone.identities().resolve(member("M1")).orElseThrow();
    // 22:00 in Shanghai, 16:00 in Berlin
    java.time.Instant lateInShanghai = NOW.plus(java.time.Duration.ofHours(12));
    ContactPolicy businessZone = ContactPolicy.builder().subjects(ProfilePorts.contactSubjects(withZone))
        .ledger(ContactLedgers.inMemory()).time(withZone.time()).build();
    ContactPolicy customersZone = ContactPolicy.builder()
        .subjects(ProfilePorts.contactSubjects(withZone, profile -> profile.custom(timeZone).map(ZoneId::of)))
        .ledger(ContactLedgers.inMemory()).time(withZone.time()).build();

    assertThat(businessZone.check(inBerlin, ContactChannel.WECOM, ContactPurpose.MARKETING, Optional.empty(),
        lateInShanghai)).isInstanceOfSatisfying(ContactDecision.Denied.class,
            denied -> assertThat(denied.reason()).isEqualTo(DenialReason.QUIET_HOURS));
    assertThat(customersZone.check(inBerlin, ContactChannel.WECOM, ContactPurpose.MARKETING, Optional.empty(),
        lateInShanghai)).isInstanceOf(ContactDecision.Allowed.class);
  }

  @Test
  void contactSubjects_carryTheNoPersonalisedMarketingFlag() {
    scrm.ingest(joined("e1", daysAgo(10), member("M1")));
    scrm.ingest(consent("e2", daysAgo(9), ContactChannel.SMS, ConsentStatus.GRANTED, member("M1")));
    scrm.ingest(new ProfileUpdated("e3", daysAgo(1), daysAgo(1), "app", List.of(member("M1")), null, null, null, null,
        null, null, null, null, true, List.of(), List.of(), Map.of()));
    ContactPolicy policy = ContactPolicy.builder()
        .subjects(ProfilePorts.contactSubjects(scrm))
        .ledger(ContactLedgers.inMemory())
        .time(scrm.time())
        .build();

    ContactDecision decision =
        policy.check(customerOf(member("M1")), ContactChannel.SMS, ContactPurpose.MARKETING, Optional.empty(), NOW);

    assertThat(decision).isInstanceOfSatisfying(ContactDecision.Denied.class,
        denied -> assertThat(denied.reason()).isEqualTo(DenialReason.NO_PERSONALISED_MARKETING));
  }

  @Test
  void influenceSink_writesTheInfluenceMetricOnce() {
    scrm.ingest(joined("e1", daysAgo(10), member("M1")));
    CustomerId amy = customerOf(member("M1"));
    InfluenceSink sink = ProfilePorts.influenceSink(scrm);

    sink.accept(amy, new BigDecimal("73.50"));
    int eventsAfterFirst = scrm.profile(amy).orElseThrow().eventCount();
    sink.accept(amy, new BigDecimal("73.50"));
    sink.accept(CustomerId.of("ghost"), BigDecimal.TEN);

    CustomerProfile profile = scrm.profile(amy).orElseThrow();
    assertThat(profile.attributesAt(NOW).get(StandardAttributes.INFLUENCE)).isEqualByComparingTo("73.50");
    assertThat(profile.eventCount()).isEqualTo(eventsAfterFirst);
  }
}
