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
import io.github.scrm.core.event.IngestOutcome;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.referral.ImmutableProgrammeSpec;
import io.github.scrm.core.referral.Purchase;
import io.github.scrm.core.referral.ReferralCode;
import io.github.scrm.core.referral.ReferralOutcome;
import io.github.scrm.core.referral.Referrals;
import io.github.scrm.core.referral.Registration;
import io.github.scrm.core.referral.RewardSpec;
import io.github.scrm.core.referral.Touch;
import io.github.scrm.core.referral.Trigger;
import io.github.scrm.core.spi.ContactLedger;
import io.github.scrm.core.spi.IdSource;
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

  /** A policy over the profile-backed subjects of {@link #scrm}, recording into {@code ledger}. */
  private ContactPolicy policyOver(ContactLedger ledger) {
    return ContactPolicy.builder()
        .subjects(ProfilePorts.contactSubjects(scrm))
        .ledger(ledger)
        .time(scrm.time())
        .build();
  }

  private CustomerId customerOf(Identifier identifier) {
    return customerOf(scrm, identifier);
  }

  private static CustomerId customerOf(Scrm scrm, Identifier identifier) {
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

  /** Ids that count down, so that a customer created later has the smaller id and survives a merge. */
  private static Scrm scrmWithDescendingIds() {
    java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong(1000);
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    return TestScrm.builder().idSource(new IdSource() {
      @Override
      public String nextId() {
        return "c-" + next.decrementAndGet();
      }

      @Override
      public java.util.random.RandomGenerator random() {
        synchronized (random) {
          return random.split();
        }
      }
    }).build();
  }

  /** Alice, a member for a month, and a first-purchase programme over the profiles, on ids that sort descending. */
  private record AliceRefers(Scrm scrm, CustomerId alice, Referrals referrals) {
    static AliceRefers start() {
      Scrm scrm = scrmWithDescendingIds();
      scrm.ingest(joined("e-alice", daysAgo(30), unionid("u-alice")));
      return new AliceRefers(scrm, customerOf(scrm, unionid("u-alice")), firstPurchaseReferrals(scrm));
    }
  }

  private static Referrals firstPurchaseReferrals(Scrm scrm) {
    Referrals referrals = Referrals.builder().time(scrm.time()).ids(IdSource.sequential("r", 3))
        .directory(ProfilePorts.personDirectory(scrm)).build();
    referrals.define(ImmutableProgrammeSpec.builder().id("friends").name("Friends")
        .startsAt(daysAgo(10)).endsAt(NOW.plus(java.time.Duration.ofDays(10)))
        .trigger(Trigger.firstPurchase(Money.fen(1_00))).referrerReward(RewardSpec.of("coupon-20", Money.fen(20_00)))
        .budget(Money.fen(1_000_00)).build());
    return referrals;
  }

  /** Alice's code scanned by a prospect with {@code friend}, who then joins with it: returns the new customer. */
  private static CustomerId referredByAlice(Scrm scrm, Referrals referrals, CustomerId alice, Identifier friend) {
    ReferralCode code = ((ReferralOutcome.CodeIssued) referrals.codeFor("friends", alice)).assignment().code();
    referrals.scan(Touch.scan(code, java.util.Set.of(friend), daysAgo(3).minusSeconds(3600)));
    scrm.ingest(joined("e-friend", daysAgo(3), friend));
    CustomerId id = scrm.identities().resolve(friend).orElseThrow();
    assertThat(referrals.register(new Registration(id, java.util.Set.of(friend), daysAgo(3))))
        .singleElement().isInstanceOf(ReferralOutcome.Attributed.class);
    return id;
  }

  @Test
  void personDirectory_refereeMergedIntoALaterIdBeforeTheFirstPurchase_stillQualifies() {
    AliceRefers given = AliceRefers.start();
    Scrm scrm = given.scrm();
    CustomerId alice = given.alice();
    Referrals referrals = given.referrals();
    CustomerId friend = referredByAlice(scrm, referrals, alice, unionid("u-friend"));
    // the friend also joins at a store with their phone, and their first order carries both identifiers
    scrm.ingest(joined("e-store", daysAgo(2), phone("13912345678")));
    CustomerId survivor = scrm.ingest(Fixtures.purchase("e-order", "o-1", daysAgo(1), 50_00, "Nike",
        unionid("u-friend"), phone("13912345678"))) instanceof IngestOutcome.Accepted a ? a.customer() : null;
    assertThat(scrm.identities().current(friend)).isEqualTo(survivor).isNotEqualTo(friend);

    List<ReferralOutcome> outcomes = referrals.purchase(new Purchase(survivor, "o-1", Money.fen(50_00),
        java.util.Set.of(unionid("u-friend"), phone("13912345678")), daysAgo(1)));

    assertThat(outcomes).singleElement().isInstanceOfSatisfying(ReferralOutcome.Qualified.class,
        q -> assertThat(q.reward().beneficiary()).isEqualTo(alice));
    assertThat(referrals.refund(new io.github.scrm.core.referral.Refund(survivor, "o-1", NOW)))
        .singleElement().isInstanceOfSatisfying(ReferralOutcome.Reversed.class,
            r -> assertThat(r.reward().state()).isEqualTo(io.github.scrm.core.referral.RewardState.CANCELLED));
  }

  @Test
  void personDirectory_erasedReferrer_referNobody_andIsPaidNothingForAnEarlierReferral() {
    AliceRefers given = AliceRefers.start();
    Scrm scrm = given.scrm();
    CustomerId alice = given.alice();
    Referrals referrals = given.referrals();
    ReferralCode code = ((ReferralOutcome.CodeIssued) referrals.codeFor("friends", alice)).assignment().code();
    CustomerId friend = referredByAlice(scrm, referrals, alice, unionid("u-friend"));

    scrm.privacy().erase(alice).orElseThrow();

    assertThat(referrals.scan(Touch.scan(code, java.util.Set.of(unionid("u-other")), daysAgo(1))))
        .isInstanceOfSatisfying(ReferralOutcome.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(ReferralOutcome.Reason.ERASED));
    assertThat(referrals.codeFor("friends", alice)).isInstanceOfSatisfying(ReferralOutcome.Rejected.class,
        r -> assertThat(r.reason()).isEqualTo(ReferralOutcome.Reason.ERASED));
    scrm.ingest(Fixtures.purchase("e-order", "o-1", daysAgo(1), 50_00, "Nike", unionid("u-friend")));
    assertThat(referrals.purchase(new Purchase(friend, "o-1", Money.fen(50_00), java.util.Set.of(unionid("u-friend")),
        daysAgo(1)))).singleElement().isInstanceOfSatisfying(ReferralOutcome.Qualified.class,
            q -> assertThat(q.reward().state()).isEqualTo(io.github.scrm.core.referral.RewardState.DENIED));
  }

  @Test
  void personDirectory_refereeFoundToBeAnOlderMember_doesNotQualify() {
    AliceRefers given = AliceRefers.start();
    Scrm scrm = given.scrm();
    CustomerId alice = given.alice();
    Referrals referrals = given.referrals();
    scrm.ingest(joined("e-old", daysAgo(60), phone("13912345678")));
    CustomerId friend = referredByAlice(scrm, referrals, alice, unionid("u-friend"));
    // the "new" customer's first order reveals a member of two months ago
    CustomerId survivor = scrm.ingest(Fixtures.purchase("e-order", "o-1", daysAgo(1), 50_00, "Nike",
        unionid("u-friend"), phone("13912345678"))) instanceof IngestOutcome.Accepted a ? a.customer() : null;
    assertThat(survivor).isEqualTo(friend);

    List<ReferralOutcome> outcomes = referrals.purchase(new Purchase(survivor, "o-1", Money.fen(50_00),
        java.util.Set.of(unionid("u-friend"), phone("13912345678")), daysAgo(1)));

    assertThat(outcomes).singleElement().isInstanceOf(ReferralOutcome.NotQualified.class);
    assertThat(referrals.rewards("friends")).isEmpty();
  }

  @Test
  void contactSubjects_followTheProfilesConsents() {
    scrm.ingest(joined("e1", daysAgo(10), member("M1")));
    ContactPolicy policy = policyOver(ContactLedgers.inMemory());
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
    ContactPolicy policy = policyOver(ledger);
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
    ContactPolicy policy = policyOver(ledger);
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
    ContactPolicy policy = policyOver(ContactLedgers.inMemory());

    ContactDecision decision =
        policy.check(customerOf(member("M1")), ContactChannel.SMS, ContactPurpose.MARKETING, Optional.empty(), NOW);

    assertThat(decision).isInstanceOfSatisfying(ContactDecision.Denied.class,
        denied -> assertThat(denied.reason()).isEqualTo(DenialReason.NO_PERSONALISED_MARKETING));
  }

  @Test
  void rankable_leavesErasedCustomersAndThoseWhoRefusedPersonalisedMarketingOutOfTheTop() {
    scrm.ingest(joined("e1", daysAgo(10), member("M1")));
    scrm.ingest(joined("e2", daysAgo(10), member("M2")));
    scrm.ingest(joined("e3", daysAgo(10), member("M3")));
    CustomerId erased = customerOf(member("M1"));
    CustomerId refused = customerOf(member("M2"));
    CustomerId open = customerOf(member("M3"));
    scrm.ingest(ProfileUpdated.of("e4", daysAgo(1), "app", List.of(member("M2"))).withNoPersonalisedMarketing(true));
    scrm.privacy().erase(erased).orElseThrow();
    var graph = io.github.scrm.core.referral.influence.InfluenceGraph.builder();
    for (CustomerId referrer : List.of(erased, refused, open)) {
      for (int i = 0; i < (referrer == open ? 1 : 3); i++) {
        graph.referral(referrer, CustomerId.of(referrer.value() + "-friend-" + i));
      }
    }
    var ranking = graph.build().rank(io.github.scrm.core.referral.influence.InfluenceSettings.defaults());

    var top = ranking.topN(3, io.github.scrm.core.referral.influence.InfluenceScope.all(),
        ProfilePorts.rankable(scrm));

    assertThat(ranking.topN(3)).extracting(r -> r.customer()).contains(erased, refused);
    assertThat(top).extracting(r -> r.customer()).containsExactly(open);
    assertThat(top.get(0).rank()).isEqualTo(1);
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
