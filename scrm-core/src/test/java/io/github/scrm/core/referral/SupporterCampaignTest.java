package io.github.scrm.core.referral;

import static io.github.scrm.core.referral.ReferralFixtures.ALICE;
import static io.github.scrm.core.referral.ReferralFixtures.BOB;
import static io.github.scrm.core.referral.ReferralFixtures.START;
import static io.github.scrm.core.referral.ReferralFixtures.device;
import static io.github.scrm.core.referral.ReferralFixtures.openid;
import static io.github.scrm.core.referral.ReferralFixtures.unionid;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.ScrmJson;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.referral.ReferralOutcome.Reason;
import io.github.scrm.core.spi.PersonalDataParticipant;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class SupporterCampaignTest {
  static final String CAMPAIGN = "help-me-win";

  private final ReferralFixtures f = new ReferralFixtures();
  private SupporterCampaigns campaigns;

  static ImmutableCampaignSpec aCampaign() {
    return ImmutableCampaignSpec.builder().id(CAMPAIGN).name("Help me win a tumbler")
        .startsAt(START).deadline(START.plus(Duration.ofDays(3)))
        .addLadder(LadderStep.of(3, RewardSpec.of("coupon-10", Money.fen(10_00))),
            LadderStep.of(6, RewardSpec.of("coupon-30", Money.fen(30_00))),
            LadderStep.of(12, RewardSpec.of("tumbler", Money.fen(80_00))))
        .budget(Money.fen(10_000_00)).build();
  }

  @BeforeEach
  void aliceHasAPoster() {
    f.existingCustomer(ALICE);
    campaigns = f.referrals.campaigns();
    assertThat(campaigns.define(aCampaign())).isInstanceOf(Definition.Accepted.class);
  }

  private ReferralCode poster(CustomerId owner) {
    return ((ReferralOutcome.CodeIssued) campaigns.poster(CAMPAIGN, owner)).assignment().code();
  }

  private ReferralOutcome support(ReferralCode poster, Identifier... ids) {
    return campaigns.support(Support.of(poster, Set.of(ids), f.clock.instant()));
  }

  @Test
  void ladder_paysAtThreeSixAndTwelveDistinctSupporters() {
    ReferralCode code = poster(ALICE);
    for (int i = 1; i <= 12; i++) {
      support(code, openid("friend-" + i));
    }

    assertThat(f.referrals.rewards(CAMPAIGN)).extracting(Reward::trigger, Reward::state).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("ladder:3", RewardState.ISSUED),
        org.assertj.core.groups.Tuple.tuple("ladder:6", RewardState.ISSUED),
        org.assertj.core.groups.Tuple.tuple("ladder:12", RewardState.ISSUED));
    assertThat(campaigns.progress(code)).get().satisfies(p -> {
      assertThat(p.supporters()).isEqualTo(12);
      assertThat(p.reached()).containsExactly(3, 6, 12);
      assertThat(p.next()).isEmpty();
      assertThat(p.remaining()).isZero();
    });
  }

  @Test
  void progress_tellsTheOwnerWhatIsLeft() {
    ReferralCode code = poster(ALICE);
    support(code, openid("f1"));
    support(code, openid("f2"));
    support(code, openid("f3"));
    support(code, openid("f4"));

    PosterProgress p = campaigns.progress(code).orElseThrow();

    assertThat(p.owner()).isEqualTo(ALICE);
    assertThat(p.reached()).containsExactly(3);
    assertThat(p.next()).contains(6);
    assertThat(p.remaining()).isEqualTo(2);
  }

  @Test
  void distinctMeansNaturalPersons_notScans() {
    CustomerId dan = CustomerId.of("dan");
    f.directory.add(dan, START, openid("dan-mini-app"), unionid("dan-union"));
    ReferralCode code = poster(ALICE);

    ReferralOutcome first = support(code, openid("dan-mini-app"));
    ReferralOutcome sameManOtherApp = support(code, unionid("dan-union"));
    ReferralOutcome unknownFirst = support(code, openid("eve-1"));
    ReferralOutcome unknownAgainWithMore = support(code, openid("eve-1"), unionid("eve-u"));
    ReferralOutcome unknownByNewId = support(code, unionid("eve-u"));

    assertThat(first).isInstanceOf(ReferralOutcome.Supported.class);
    assertThat(sameManOtherApp).isInstanceOf(ReferralOutcome.Duplicate.class);
    assertThat(unknownFirst).isInstanceOf(ReferralOutcome.Supported.class);
    assertThat(unknownAgainWithMore).isInstanceOf(ReferralOutcome.Duplicate.class);
    assertThat(unknownByNewId).isInstanceOf(ReferralOutcome.Duplicate.class);
    assertThat(campaigns.progress(code).orElseThrow().supporters()).isEqualTo(2);
  }

  @Test
  void aProspectWhoBecomesACustomer_isStillOnePerson() {
    ReferralCode code = poster(ALICE);
    ReferralOutcome asProspect = support(code, unionid("carol-union"));
    // carol registers: the directory now resolves her unionid, and knows her member number too
    f.directory.add(CustomerId.of("carol"), START, unionid("carol-union"), openid("carol-mini-app"));

    ReferralOutcome sameIdAsCustomer = support(code, unionid("carol-union"));
    ReferralOutcome otherIdAsCustomer = support(code, openid("carol-mini-app"));

    assertThat(asProspect).isInstanceOf(ReferralOutcome.Supported.class);
    assertThat(sameIdAsCustomer).isInstanceOf(ReferralOutcome.Duplicate.class);
    assertThat(otherIdAsCustomer).isInstanceOf(ReferralOutcome.Duplicate.class);
    assertThat(campaigns.progress(code).orElseThrow().supporters()).isEqualTo(1);
  }

  @Test
  void supporterLimit_refusesSupportBeyondIt() {
    CustomerId bob = CustomerId.of("bob");
    f.existingCustomer(bob);
    ReferralCode alices = poster(ALICE);
    ReferralCode bobs = poster(bob);

    support(alices, openid("f1"));
    ReferralOutcome second = support(bobs, openid("f1"));

    assertThat(second).isInstanceOfSatisfying(ReferralOutcome.Rejected.class,
        r -> assertThat(r.reason()).isEqualTo(Reason.SUPPORTER_LIMIT));
    assertThat(campaigns.progress(bobs).orElseThrow().supporters()).isZero();
  }

  @Test
  void supportersOnOneDevice_flagTheLadderRewardForReview() {
    ReferralCode code = poster(ALICE);
    for (int i = 1; i <= 3; i++) {
      campaigns.support(new Support(code, Set.of(openid("sock-" + i)), Optional.of("device-hash-1"),
          Optional.empty(), f.clock.instant()));
    }

    assertThat(f.referrals.rewards(CAMPAIGN)).singleElement().satisfies(r -> {
      assertThat(r.state()).isEqualTo(RewardState.IN_REVIEW);
      assertThat(r.flags()).extracting(FraudFlag::signal).containsExactly(FraudSignal.DEVICE_CLUSTER);
    });
    assertThat(f.referrals.reviews().pending()).hasSize(1);
  }

  @Test
  void supportersOnOneNetwork_areFlaggedToo() {
    ReferralCode code = poster(ALICE);
    for (int i = 1; i <= 3; i++) {
      campaigns.support(new Support(code, Set.of(openid("n-" + i)), Optional.empty(), Optional.of("net-10.1.2"),
          f.clock.instant()));
    }

    assertThat(campaigns.progress(code).orElseThrow().flags()).extracting(FraudFlag::signal)
        .containsExactly(FraudSignal.NETWORK_CLUSTER);
  }

  @Test
  void sameSupporterOnManyPosters_isFlagged() {
    f.referrals.campaigns().define(aCampaign().withId("serial").withSerialSupporterThreshold(3));
    List<ReferralCode> posters = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      CustomerId owner = CustomerId.of("owner-" + i);
      f.existingCustomer(owner);
      posters.add(((ReferralOutcome.CodeIssued) campaigns.poster("serial", owner)).assignment().code());
    }
    for (ReferralCode p : posters) {
      support(p, openid("hustler"));
    }
    support(posters.get(0), openid("x1"));
    support(posters.get(0), openid("x2"));

    assertThat(f.referrals.rewards("serial")).singleElement().satisfies(r -> {
      assertThat(r.state()).isEqualTo(RewardState.IN_REVIEW);
      assertThat(r.flags()).extracting(FraudFlag::signal).containsExactly(FraudSignal.SERIAL_SUPPORTER);
    });
  }

  @Test
  void ownerSupportingThemselves_isRejectedAsSelf() {
    ReferralCode code = poster(ALICE);

    ReferralOutcome self = support(code, openid("o-alice"));

    assertThat(self).isInstanceOfSatisfying(ReferralOutcome.Rejected.class,
        r -> assertThat(r.reason()).isEqualTo(Reason.SELF));
  }

  @Test
  void badInput_isRejectedWithoutState() {
    ReferralCode code = poster(ALICE);

    assertThat(campaigns.poster("nope", ALICE)).isInstanceOf(ReferralOutcome.Rejected.class);
    assertThat(campaigns.poster(CAMPAIGN, CustomerId.of("ghost"))).isInstanceOfSatisfying(
        ReferralOutcome.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.UNKNOWN_CUSTOMER));
    assertThat(support(ReferralCode.parse("ZZZZZZZZZZZZZZZZ").orElseThrow(), openid("f")))
        .isInstanceOfSatisfying(ReferralOutcome.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(Reason.UNKNOWN_CODE));
    assertThat(campaigns.support(Support.of(code, Set.of(device("d")), START.plus(Duration.ofDays(4)))))
        .isInstanceOfSatisfying(ReferralOutcome.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(Reason.NOT_RUNNING));
    assertThat(campaigns.support(Support.of(code, Set.of(), f.clock.instant())))
        .isInstanceOfSatisfying(ReferralOutcome.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(Reason.NO_IDENTIFIERS));
    assertThat(campaigns.progress(code).orElseThrow().supporters()).isZero();
  }

  @Test
  void define_impossibleCampaign_listsEveryProblem() {
    Definition d = campaigns.define(aCampaign().withId("bad").withDeadline(START.minusSeconds(1))
        .withLadder(LadderStep.of(6, RewardSpec.of("a", Money.fen(1))), LadderStep.of(3,
            RewardSpec.of("b", Money.fen(-1)))).withPostersPerSupporter(0));

    assertThat(((Definition.Refused) d).problems()).hasSize(4)
        .anySatisfy(p -> assertThat(p).startsWith("deadline must be after startsAt"))
        .anySatisfy(p -> assertThat(p).isEqualTo("ladder[1].supporters must be greater than 6, but was 3"))
        .anySatisfy(p -> assertThat(p).isEqualTo("ladder[1].reward.value must not be negative, but was -0.01 CNY"))
        .anySatisfy(p -> assertThat(p).isEqualTo("postersPerSupporter must be at least 1, but was 0"));
  }

  @Test
  void privacyParticipant_customerWhoSupportedAPoster_isExportedThenErasedFromTheStore() throws Exception {
    f.existingCustomer(BOB, unionid("u-bob"));
    ReferralCode code = poster(ALICE);
    ReferralCode bobsOwn = poster(BOB);
    campaigns.support(new Support(code, Set.of(openid("o-bob")), Optional.of("device-bob"),
        Optional.of("net-bob"), f.clock.instant()));
    PersonalDataParticipant referrals = f.referrals.privacyParticipant();

    assertThat(ScrmJson.mapper().writeValueAsString(referrals.export(BOB)))
        .contains(CAMPAIGN, code.value(), bobsOwn.value());

    assertThat(referrals.erase(BOB)).isEqualTo(1);
    assertThat(f.store.supportsOf(CAMPAIGN)).singleElement().satisfies(s -> {
      assertThat(s.identifierKeys()).isEmpty();
      assertThat(s.device()).isEmpty();
      assertThat(s.network()).isEmpty();
    });
    assertThat(campaigns.progress(code).orElseThrow().supporters()).isEqualTo(1);
    assertThat(referrals.erase(BOB)).isZero();
    // the counted support no longer names Bob, so when he comes back he is a new supporter
    assertThat(support(code, openid("o-bob"))).isInstanceOf(ReferralOutcome.Supported.class);
    assertThat(campaigns.progress(code).orElseThrow().supporters()).isEqualTo(2);
  }
}
