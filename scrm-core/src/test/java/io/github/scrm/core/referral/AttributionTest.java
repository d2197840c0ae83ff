package io.github.scrm.core.referral;

import static io.github.scrm.core.referral.ReferralFixtures.ALICE;
import static io.github.scrm.core.referral.ReferralFixtures.BOB;
import static io.github.scrm.core.referral.ReferralFixtures.PROGRAMME;
import static io.github.scrm.core.referral.ReferralFixtures.START;
import static io.github.scrm.core.referral.ReferralFixtures.aProgramme;
import static io.github.scrm.core.referral.ReferralFixtures.device;
import static io.github.scrm.core.referral.ReferralFixtures.hashed;
import static io.github.scrm.core.referral.ReferralFixtures.openid;
import static io.github.scrm.core.referral.ReferralFixtures.unionid;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.referral.ReferralOutcome.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class AttributionTest {
  private static final CustomerId CAROL = CustomerId.of("carol");
  private static final Identifier VISITOR = openid("o-carol");

  private final ReferralFixtures f = new ReferralFixtures();

  @BeforeEach
  void twoReferrers() {
    f.existingCustomer(ALICE).existingCustomer(BOB);
  }

  @Test
  void codeFor_isStableAndUnguessable() {
    f.define(aProgramme());

    ReferralCode first = f.codeOf(ALICE);

    assertThat(f.codeOf(ALICE)).isEqualTo(first);
    assertThat(f.codeOf(BOB)).isNotEqualTo(first);
    assertThat(first.value()).hasSize(16).matches("[0-9A-HJKMNP-TV-Z]{16}");
    assertThat(first.qrState()).isEqualTo("ref_" + first.value());
    assertThat(ReferralCode.parse(first.qrState().toLowerCase(java.util.Locale.ROOT))).contains(first);
    assertThat(first.link("https://shop.example/join")).endsWith("/join?ref=" + first.value());
  }

  @Test
  void codeFor_unknownProgrammeOrCustomer_isRejected() {
    f.define(aProgramme());

    assertThat(f.referrals.codeFor("nope", ALICE)).isEqualTo(
        new ReferralOutcome.Rejected(Reason.UNKNOWN_PROGRAMME, "no referral programme 'nope'"));
    assertThat(f.referrals.codeFor(PROGRAMME, CustomerId.of("ghost")))
        .isInstanceOfSatisfying(ReferralOutcome.Rejected.class, r -> assertThat(r.reason())
            .isEqualTo(Reason.UNKNOWN_CUSTOMER));
  }

  @Test
  void register_afterScan_attributesToTheCodeOwnerAndQualifies() {
    f.define(aProgramme());

    List<ReferralOutcome> outcomes = f.referNewcomer(ALICE, CAROL);

    assertThat(outcomes).hasSize(2);
    assertThat(outcomes.get(0)).isInstanceOfSatisfying(ReferralOutcome.Attributed.class, a -> {
      assertThat(a.attribution().referrer()).isEqualTo(ALICE);
      assertThat(a.attribution().explicit()).isTrue();
    });
    assertThat(ReferralFixtures.rewardOf(outcomes).state()).isEqualTo(RewardState.PENDING);
  }

  @Test
  void explicitCode_beatsAnEarlierAmbientShare() {
    f.define(aProgramme());
    f.referrals.scan(Touch.ambient(PROGRAMME, BOB, Set.of(VISITOR), f.clock.instant()));
    f.clock.advance(Duration.ofMinutes(5));
    f.referrals.scan(Touch.scan(f.codeOf(ALICE), Set.of(VISITOR), f.clock.instant()));

    List<ReferralOutcome> outcomes = f.registerNow(CAROL, VISITOR);

    assertThat(attributedReferrer(outcomes)).isEqualTo(ALICE);
  }

  @Test
  void firstTouch_winsByDefault_lastTouchWhenConfigured() {
    f.define(aProgramme());
    f.define(aProgramme().withId("last").withAttributionModel(AttributionModel.LAST_TOUCH));
    f.referrals.scan(Touch.scan(f.codeOf(ALICE), Set.of(VISITOR), f.clock.instant()));
    f.referrals.scan(Touch.scan(f.codeOf("last", ALICE), Set.of(VISITOR), f.clock.instant()));
    f.clock.advance(Duration.ofHours(1));
    f.referrals.scan(Touch.scan(f.codeOf(BOB), Set.of(VISITOR), f.clock.instant()));
    f.referrals.scan(Touch.scan(f.codeOf("last", BOB), Set.of(VISITOR), f.clock.instant()));

    List<ReferralOutcome> outcomes = f.registerNow(CAROL, VISITOR);

    assertThat(outcomes).filteredOn(o -> o instanceof ReferralOutcome.Attributed)
        .extracting(o -> ((ReferralOutcome.Attributed) o).attribution())
        .extracting(Attribution::programme, Attribution::referrer)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("last", BOB),
            org.assertj.core.groups.Tuple.tuple(PROGRAMME, ALICE));
  }

  @Test
  void registration_afterTheAttributionWindow_isNotReferred() {
    f.define(aProgramme().withAttributionWindow(Duration.ofDays(1)));
    f.referrals.scan(Touch.scan(f.codeOf(ALICE), Set.of(VISITOR), f.clock.instant()));
    f.clock.advance(Duration.ofDays(2));

    List<ReferralOutcome> outcomes = f.registerNow(CAROL, VISITOR);

    assertThat(outcomes).singleElement().isInstanceOfSatisfying(ReferralOutcome.Rejected.class,
        r -> assertThat(r.reason()).isEqualTo(Reason.NOT_REFERRED));
    assertThat(f.store.attributionOf(PROGRAMME, CAROL)).isEmpty();
  }

  @Test
  void scan_byAnExistingCustomer_isRejectedWithoutState() {
    f.define(aProgramme());

    ReferralOutcome o = f.referrals.scan(Touch.scan(f.codeOf(ALICE), Set.of(openid("o-bob")), f.clock.instant()));

    assertThat(o).isInstanceOfSatisfying(ReferralOutcome.Rejected.class,
        r -> assertThat(r.reason()).isEqualTo(Reason.EXISTING_CUSTOMER));
    assertThat(f.referrals.stats(PROGRAMME).orElseThrow().scans()).isZero();
  }

  @Test
  void scan_fromADeviceAnotherCustomerUses_isStillANewProspect() {
    f.directory.add(BOB, START, device("family-tablet"));
    f.define(aProgramme());

    ReferralOutcome o = f.referrals.scan(
        Touch.scan(f.codeOf(ALICE), Set.of(VISITOR, device("family-tablet")), f.clock.instant()));

    assertThat(o).isInstanceOf(ReferralOutcome.TouchRecorded.class);
  }

  @Test
  void register_customerKnownBeforeEveryTouch_isExistingCustomer() {
    f.define(aProgramme());
    f.referrals.scan(Touch.scan(f.codeOf(ALICE), Set.of(VISITOR), f.clock.instant()));
    f.directory.add(CAROL, START.minus(Duration.ofDays(400)), VISITOR);

    List<ReferralOutcome> outcomes = f.referrals.register(new Registration(CAROL, Set.of(), f.clock.instant()));

    assertThat(outcomes).singleElement().isInstanceOfSatisfying(ReferralOutcome.Rejected.class,
        r -> assertThat(r.reason()).isEqualTo(Reason.EXISTING_CUSTOMER));
  }

  @Test
  void scan_sharingAnIdentifierWithTheReferrer_isRejectedAsSelf() {
    Identifier phone = hashed(IdentifierType.PHONE, "h-13812341234");
    f.directory.add(ALICE, START, phone);
    f.define(aProgramme());

    ReferralOutcome o = f.referrals.scan(Touch.scan(f.codeOf(ALICE), Set.of(VISITOR, phone), f.clock.instant()));

    assertThat(o).isInstanceOfSatisfying(ReferralOutcome.Rejected.class, r -> {
      assertThat(r.reason()).isEqualTo(Reason.SELF);
      assertThat(r.detail()).contains("PHONE").doesNotContain("13812341234");
    });
  }

  @Test
  void register_sharingADeviceWithTheReferrer_isRejectedAsSelf() {
    f.directory.add(ALICE, START, device("dev-1"));
    f.define(aProgramme());
    f.referrals.scan(Touch.scan(f.codeOf(ALICE), Set.of(VISITOR), f.clock.instant()));

    f.directory.add(CAROL, f.clock.instant(), VISITOR);
    List<ReferralOutcome> outcomes = f.referrals.register(
        new Registration(CAROL, Set.of(VISITOR, device("dev-1")), f.clock.instant()));

    assertThat(outcomes).singleElement().isInstanceOfSatisfying(ReferralOutcome.Rejected.class,
        r -> assertThat(r.detail()).contains("SELF_REFERRAL").contains("DEVICE_ID"));
    assertThat(f.referrals.rewards(PROGRAMME)).isEmpty();
  }

  @Test
  void duplicateScan_andUnknownCode_changeNothing() {
    f.define(aProgramme());
    ReferralCode code = f.codeOf(ALICE);
    f.referrals.scan(Touch.scan(code, Set.of(VISITOR), f.clock.instant()));

    ReferralOutcome again = f.referrals.scan(Touch.scan(code, Set.of(VISITOR), f.clock.instant()));
    ReferralOutcome unknown = f.referrals.scan(
        Touch.scan(ReferralCode.parse("0000000000000000").orElseThrow(), Set.of(VISITOR), f.clock.instant()));

    assertThat(again).isInstanceOf(ReferralOutcome.Duplicate.class);
    assertThat(unknown).isInstanceOfSatisfying(ReferralOutcome.Rejected.class,
        r -> assertThat(r.reason()).isEqualTo(Reason.UNKNOWN_CODE));
    assertThat(f.referrals.stats(PROGRAMME).orElseThrow().scans()).isEqualTo(1);
  }

  @Test
  void scan_outsideTheProgrammeWindow_isNotRunning() {
    f.define(aProgramme());
    ReferralCode code = f.codeOf(ALICE);

    ReferralOutcome late = f.referrals.scan(Touch.scan(code, Set.of(VISITOR), START.plus(Duration.ofDays(31))));

    assertThat(late).isInstanceOfSatisfying(ReferralOutcome.Rejected.class,
        r -> assertThat(r.reason()).isEqualTo(Reason.NOT_RUNNING));
  }

  @Test
  void oneReferrerPerReferee_registeringTwiceKeepsTheFirst() {
    f.define(aProgramme());
    f.referNewcomer(ALICE, CAROL);

    List<ReferralOutcome> again = f.referrals.register(new Registration(CAROL, Set.of(VISITOR), f.clock.instant()));

    assertThat(again).singleElement().isInstanceOf(ReferralOutcome.Duplicate.class);
    assertThat(f.store.attributionOf(PROGRAMME, CAROL).orElseThrow().referrer()).isEqualTo(ALICE);
  }

  @Test
  void events_forUnknownCustomers_areRejected() {
    f.define(aProgramme());
    CustomerId ghost = CustomerId.of("ghost");

    assertThat(f.referrals.register(new Registration(ghost, Set.of(unionid("u1")), f.clock.instant())))
        .singleElement().isInstanceOfSatisfying(ReferralOutcome.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(Reason.UNKNOWN_CUSTOMER));
    assertThat(f.referrals.refund(new Refund(ghost, "o-1", f.clock.instant())))
        .singleElement().isInstanceOf(ReferralOutcome.Rejected.class);
  }

  private static CustomerId attributedReferrer(List<ReferralOutcome> outcomes) {
    return outcomes.stream().filter(o -> o instanceof ReferralOutcome.Attributed)
        .map(o -> ((ReferralOutcome.Attributed) o).attribution().referrer()).findFirst().orElseThrow();
  }
}
