package io.github.scrm.core.contact;

import static io.github.scrm.core.contact.ContactFixtures.ALICE;
import static io.github.scrm.core.contact.ContactFixtures.BOB;
import static io.github.scrm.core.contact.ContactFixtures.SIGNED_UP;
import static io.github.scrm.core.contact.ContactFixtures.care;
import static io.github.scrm.core.contact.ContactFixtures.consentingToEverything;
import static io.github.scrm.core.contact.ContactFixtures.granted;
import static io.github.scrm.core.contact.ContactFixtures.marketing;
import static io.github.scrm.core.contact.ContactFixtures.service;
import static io.github.scrm.core.contact.ContactFixtures.shanghai;
import static io.github.scrm.core.contact.ContactFixtures.subjects;
import static io.github.scrm.core.contact.ContactFixtures.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.ContactLedger;
import io.github.scrm.core.spi.ImmutableContactSubject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ContactPolicyTest {

  private final ContactLedger ledger = ContactLedgers.inMemory();
  private final InMemoryContactSubjects subjects = subjects(consentingToEverything(ALICE), consentingToEverything(BOB));
  private final ContactPolicy policy = ContactPolicy.builder().subjects(subjects).ledger(ledger).build();

  @Test
  void checkAndRecord_consentingCustomerInDaytime_isAllowedAndRecorded() {
    ContactDecision decision = policy.checkAndRecord(marketing(ALICE, ContactChannel.WECOM, shanghai("2026-11-23T10:00")));

    assertThat(decision).isEqualTo(new ContactDecision.Allowed());
    assertThat(ledger.contactsOf(ALICE)).hasSize(1);
  }

  @Test
  void check_unknownCustomer_isDenied() {
    assertDenied(policy.check(marketing(CustomerId.of("stranger"), ContactChannel.SMS, shanghai("2026-11-23T10:00"))),
        DenialReason.UNKNOWN_CUSTOMER, "known-customer");
  }

  @Test
  void check_noConsentForThatChannel_isDenied() {
    subjects.put(ImmutableContactSubject.builder().customer(ALICE)
        .addConsents(granted(ContactChannel.SMS, ContactPurpose.MARKETING, SIGNED_UP)).build());

    assertThat(policy.check(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-23T10:00"))).allowed()).isTrue();
    assertDenied(policy.check(marketing(ALICE, ContactChannel.WECOM, shanghai("2026-11-23T10:00"))),
        DenialReason.NO_CONSENT, "consent");
    assertDenied(policy.check(care(ALICE, shanghai("2026-11-23T10:00"))), DenialReason.NO_CONSENT, "consent");
  }

  @Test
  void check_withdrawnConsent_isAnOptOut_untilGrantedAgain() {
    Instant withdrawnAt = shanghai("2026-11-10T09:00");
    Instant regrantedAt = shanghai("2026-11-20T09:00");
    subjects.put(ImmutableContactSubject.builder().customer(ALICE)
        .addConsents(granted(ContactChannel.SMS, ContactPurpose.MARKETING, SIGNED_UP))
        .addConsents(granted(ContactChannel.SMS, ContactPurpose.MARKETING, regrantedAt))
        .addConsents(withdrawn(ContactChannel.SMS, ContactPurpose.MARKETING, withdrawnAt))
        .build());

    assertThat(policy.check(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-09T10:00"))).allowed()).isTrue();
    assertDenied(policy.check(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-15T10:00"))),
        DenialReason.OPTED_OUT, "consent");
    assertThat(policy.check(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-23T10:00"))).allowed()).isTrue();
  }

  @Test
  void check_consentGivenAfterTheInstant_doesNotCount() {
    subjects.put(ImmutableContactSubject.builder().customer(ALICE)
        .addConsents(granted(ContactChannel.SMS, ContactPurpose.MARKETING, shanghai("2026-11-23T12:00"))).build());

    assertDenied(policy.check(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-23T11:59"))),
        DenialReason.NO_CONSENT, "consent");
  }

  @Test
  void check_noPersonalisedMarketingFlag_deniesPersonalisedMarketingOnly() {
    subjects.put(consentingToEverything(ALICE).withNoPersonalisedMarketing(true));
    Instant tenAm = shanghai("2026-11-23T10:00");

    assertDenied(policy.check(marketing(ALICE, ContactChannel.WECHAT, tenAm)),
        DenialReason.NO_PERSONALISED_MARKETING, "no-personalised-marketing");
    assertThat(policy.check(marketing(ALICE, ContactChannel.WECHAT, tenAm).withPersonalised(false)).allowed())
        .isTrue();
    assertThat(policy.check(care(ALICE, tenAm)).allowed()).isTrue();
    assertThat(policy.check(service(ALICE, ContactChannel.WECHAT, tenAm)).allowed()).isTrue();
  }

  @Test
  void check_quietHours_edgesInShanghai() {
    assertThat(policy.check(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-23T20:59:59.999"))).allowed())
        .isTrue();
    assertDenied(policy.check(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-23T21:00"))),
        DenialReason.QUIET_HOURS, "quiet-hours");
    assertDenied(policy.check(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-24T00:30"))),
        DenialReason.QUIET_HOURS, "quiet-hours");
    assertDenied(policy.check(care(ALICE, shanghai("2026-11-24T07:59:59.999"))),
        DenialReason.QUIET_HOURS, "quiet-hours");
    assertThat(policy.check(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-24T08:00"))).allowed()).isTrue();
  }

  @Test
  void check_quietHours_doNotApplyToServiceMessages() {
    assertThat(policy.check(service(ALICE, ContactChannel.SMS, shanghai("2026-11-23T23:30"))).allowed()).isTrue();
  }

  @Test
  void check_quietHours_useTheCustomersOwnZone() {
    subjects.put(consentingToEverything(ALICE).withZone(ZoneId.of("Europe/London")));
    // 22:00 in Shanghai is 14:00 in London (winter time)
    Instant shanghaiNight = shanghai("2026-11-23T22:00");
    // 10:00 in Shanghai is 02:00 in London
    Instant londonNight = shanghai("2026-11-23T10:00");

    assertThat(policy.check(marketing(ALICE, ContactChannel.SMS, shanghaiNight)).allowed()).isTrue();
    assertDenied(policy.check(marketing(ALICE, ContactChannel.SMS, londonNight)),
        DenialReason.QUIET_HOURS, "quiet-hours");
  }

  @Test
  void checkAndRecord_secondMarketingTheSameDay_isDeniedOnAnyChannel() {
    policy.checkAndRecord(marketing(ALICE, ContactChannel.WECOM, shanghai("2026-11-23T09:00")));

    ContactDecision second = policy.checkAndRecord(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-23T20:00")));

    assertDenied(second, DenialReason.FREQUENCY_CAP, "marketing-per-day");
    assertThat(((ContactDecision.Denied) second).detail()).contains("at most 1", "MARKETING", "calendar day");
    assertThat(ledger.contactsOf(ALICE)).hasSize(1);
  }

  @Test
  void checkAndRecord_dayBoundary_isMidnightInShanghaiNotUtc() {
    ContactPolicy capsOnly = capsOnly();
    // 23:59 on Monday in Shanghai and 00:00 on Tuesday are the same UTC day (15:59Z and 16:00Z)
    assertThat(capsOnly.checkAndRecord(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-23T23:59"))).allowed())
        .isTrue();
    assertDenied(capsOnly.checkAndRecord(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-23T23:59:59.999"))),
        DenialReason.FREQUENCY_CAP, "marketing-per-day");
    assertThat(capsOnly.checkAndRecord(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-24T00:00"))).allowed())
        .isTrue();
  }

  @Test
  void checkAndRecord_weeklyCap_countsMondayToSundayInShanghai() {
    ContactPolicy capsOnly = capsOnly();
    // Monday 2026-11-23 to Sunday 2026-11-29
    assertThat(capsOnly.checkAndRecord(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-23T00:00"))).allowed())
        .isTrue();
    assertThat(capsOnly.checkAndRecord(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-25T10:00"))).allowed())
        .isTrue();
    assertThat(capsOnly.checkAndRecord(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-27T10:00"))).allowed())
        .isTrue();
    assertDenied(capsOnly.checkAndRecord(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-29T23:59:59"))),
        DenialReason.FREQUENCY_CAP, "marketing-per-week");
    assertThat(capsOnly.checkAndRecord(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-30T00:00"))).allowed())
        .isTrue();
  }

  @Test
  void checkAndRecord_careMessages_haveTheirOwnCap() {
    policy.checkAndRecord(marketing(ALICE, ContactChannel.WECOM, shanghai("2026-11-23T09:00")));

    assertThat(policy.checkAndRecord(care(ALICE, shanghai("2026-11-23T10:00"))).allowed()).isTrue();
    assertDenied(policy.checkAndRecord(care(ALICE, shanghai("2026-11-23T11:00"))),
        DenialReason.FREQUENCY_CAP, "care-per-day");
    assertThat(policy.checkAndRecord(care(ALICE, shanghai("2026-11-24T10:00"))).allowed()).isTrue();
    assertDenied(policy.checkAndRecord(care(ALICE, shanghai("2026-11-25T10:00"))),
        DenialReason.FREQUENCY_CAP, "care-per-week");
  }

  @Test
  void checkAndRecord_wecomBulk_onePerCustomerPerDay() {
    Instant nine = shanghai("2026-11-23T09:00");
    assertThat(policy.checkAndRecord(service(ALICE, ContactChannel.WECOM, nine).withBulk(true)).allowed()).isTrue();

    assertDenied(policy.checkAndRecord(service(ALICE, ContactChannel.WECOM, nine.plusSeconds(60)).withBulk(true)),
        DenialReason.PLATFORM_CAP, "wecom-bulk-per-day");
    assertThat(policy.checkAndRecord(service(ALICE, ContactChannel.WECOM, nine.plusSeconds(120))).allowed())
        .as("a one-to-one message is not a bulk message").isTrue();
    assertThat(policy.checkAndRecord(service(ALICE, ContactChannel.SMS, nine.plusSeconds(180)).withBulk(true))
        .allowed()).as("the WeCom cap does not count SMS").isTrue();
    assertThat(policy.checkAndRecord(service(BOB, ContactChannel.WECOM, nine).withBulk(true)).allowed()).isTrue();
  }

  @Test
  void checkAndRecord_sameCampaignTwice_isDeniedEvenWeeksLaterOnAnotherChannel() {
    CampaignId double11 = CampaignId.of("double-11");
    assertThat(policy.checkAndRecord(ALICE, ContactChannel.WECOM, ContactPurpose.MARKETING, Optional.of(double11),
        shanghai("2026-11-02T10:00")).allowed()).isTrue();

    assertDenied(policy.checkAndRecord(ALICE, ContactChannel.SMS, ContactPurpose.MARKETING, Optional.of(double11),
        shanghai("2026-11-23T10:00")), DenialReason.CAMPAIGN_ALREADY_SENT, "campaign-once");
    assertThat(policy.checkAndRecord(ALICE, ContactChannel.SMS, ContactPurpose.MARKETING,
        Optional.of(CampaignId.of("12-12")), shanghai("2026-11-23T10:00")).allowed()).isTrue();
  }

  @Test
  void checkAndRecord_anotherIdOfTheSameCustomer_countsAgainstTheSameCapsAndCampaigns() {
    // a customer merged into ALICE: the subjects answer for ALICE, and so must the caps
    CustomerId mergedIntoAlice = CustomerId.of("alice-before-merge");
    ContactPolicy merged = ContactPolicy.builder().ledger(ledger)
        .subjects(c -> c.equals(mergedIntoAlice) ? subjects.find(ALICE) : subjects.find(c)).build();
    CampaignId double11 = CampaignId.of("double-11");

    assertThat(merged.checkAndRecord(mergedIntoAlice, ContactChannel.WECOM, ContactPurpose.MARKETING,
        Optional.of(double11), shanghai("2026-11-23T09:00")).allowed()).isTrue();

    assertDenied(merged.check(ALICE, ContactChannel.SMS, ContactPurpose.MARKETING, Optional.empty(),
        shanghai("2026-11-23T20:00")), DenialReason.FREQUENCY_CAP, "marketing-per-day");
    assertDenied(merged.checkAndRecord(ALICE, ContactChannel.SMS, ContactPurpose.MARKETING, Optional.of(double11),
        shanghai("2026-11-30T10:00")), DenialReason.CAMPAIGN_ALREADY_SENT, "campaign-once");
    assertThat(ledger.contactsOf(ALICE)).singleElement()
        .satisfies(r -> assertThat(r.customer()).isEqualTo(ALICE));
    assertThat(ledger.contactsOf(mergedIntoAlice)).isEmpty();
  }

  @Test
  void checkAndRecord_contactsRecordedUnderAMergedIdBeforeTheMerge_countAgainstTheSurvivor() {
    // alice-before-merge was a customer of her own, contacted on Monday, and was merged into ALICE after
    CustomerId before = CustomerId.of("alice-before-merge");
    subjects.put(consentingToEverything(before));
    CampaignId double11 = CampaignId.of("double-11");
    assertThat(policy.checkAndRecord(before, ContactChannel.WECOM, ContactPurpose.MARKETING, Optional.of(double11),
        shanghai("2026-11-23T10:00")).allowed()).isTrue();
    subjects.remove(before);
    subjects.put(consentingToEverything(ALICE).withMergedIds(before));

    // one a day: Monday's contact of the merged id counts
    assertDenied(policy.check(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-23T20:00"))),
        DenialReason.FREQUENCY_CAP, "marketing-per-day");
    assertDenied(policy.checkAndRecord(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-23T20:00"))),
        DenialReason.FREQUENCY_CAP, "marketing-per-day");
    // never the same campaign twice, across the merge
    assertDenied(policy.checkAndRecord(ALICE, ContactChannel.SMS, ContactPurpose.MARKETING, Optional.of(double11),
        shanghai("2026-11-24T10:00")), DenialReason.CAMPAIGN_ALREADY_SENT, "campaign-once");
    // three a week: Monday's under the merged id, Tuesday's and Wednesday's under ALICE; not a fourth
    assertThat(policy.checkAndRecord(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-24T10:00"))).allowed())
        .isTrue();
    assertThat(policy.checkAndRecord(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-25T10:00"))).allowed())
        .isTrue();
    ContactDecision fourth = policy.checkAndRecord(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-26T10:00")));
    assertDenied(fourth, DenialReason.FREQUENCY_CAP, "marketing-per-week");
    // the denial names the limit as configured, not as lowered for the survivor's own records
    assertThat(((ContactDecision.Denied) fourth).detail()).contains("3 already recorded");
    assertThat(ledger.contactsOf(ALICE)).hasSize(2);
    assertThat(ledger.contactsOf(before)).hasSize(1);
  }

  @Test
  void check_doesNotRecord() {
    Instant ten = shanghai("2026-11-23T10:00");

    assertThat(policy.check(ALICE, ContactChannel.SMS, ContactPurpose.MARKETING, Optional.empty(), ten).allowed())
        .isTrue();
    assertThat(policy.check(ALICE, ContactChannel.SMS, ContactPurpose.MARKETING, Optional.empty(), ten).allowed())
        .isTrue();
    assertThat(ledger.contactsOf(ALICE)).isEmpty();
  }

  @Test
  void check_reportsACapReachedByEarlierRecords() {
    policy.checkAndRecord(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-23T10:00")));

    assertDenied(policy.check(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-23T11:00"))),
        DenialReason.FREQUENCY_CAP, "marketing-per-day");
  }

  @Test
  void checkAndRecord_deniedContact_isNotRecordedAndDoesNotUseUpACap() {
    policy.checkAndRecord(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-23T22:00")));

    assertThat(ledger.contactsOf(ALICE)).isEmpty();
    assertThat(policy.checkAndRecord(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-23T10:00"))).allowed())
        .isTrue();
  }

  @Test
  void cap_eachChannel_countsChannelsSeparately() {
    ContactPolicy perChannel = ContactPolicy.builder().subjects(subjects).ledger(ledger)
        .rules(List.of(ContactRules.cap("one-per-channel-per-day").purposes(ContactPurpose.MARKETING).eachChannel()
            .max(1).per(CapWindow.calendarDay()).build()))
        .build();
    Instant ten = shanghai("2026-11-23T10:00");

    assertThat(perChannel.checkAndRecord(marketing(ALICE, ContactChannel.SMS, ten)).allowed()).isTrue();
    assertThat(perChannel.checkAndRecord(marketing(ALICE, ContactChannel.WECHAT, ten)).allowed()).isTrue();
    assertDenied(perChannel.checkAndRecord(marketing(ALICE, ContactChannel.SMS, ten)),
        DenialReason.FREQUENCY_CAP, "one-per-channel-per-day");
  }

  @Test
  void cap_rollingWindow_coversTheLastDurationUpToTheInstant() {
    ContactPolicy rolling = ContactPolicy.builder().subjects(subjects).ledger(ledger)
        .rules(List.of(ContactRules.cap("one-per-24h").max(1).per(CapWindow.rolling(java.time.Duration.ofHours(24)))
            .build()))
        .build();
    Instant first = shanghai("2026-11-23T10:00");

    rolling.checkAndRecord(service(ALICE, ContactChannel.SMS, first));

    assertDenied(rolling.check(service(ALICE, ContactChannel.SMS, first.plusSeconds(86_400).minusNanos(1))),
        DenialReason.FREQUENCY_CAP, "one-per-24h");
    assertThat(rolling.check(service(ALICE, ContactChannel.SMS, first.plusSeconds(86_400))).allowed()).isTrue();
  }

  @Test
  void cap_maxZero_blocksEverythingItCovers() {
    ContactPolicy never = ContactPolicy.builder().subjects(subjects).ledger(ledger)
        .rules(List.of(ContactRules.cap("no-sms").channels(ContactChannel.SMS).max(0).per(CapWindow.calendarDay())
            .build()))
        .build();
    Instant ten = shanghai("2026-11-23T10:00");

    assertDenied(never.check(service(ALICE, ContactChannel.SMS, ten)), DenialReason.FREQUENCY_CAP, "no-sms");
    assertThat(never.check(service(ALICE, ContactChannel.EMAIL, ten)).allowed()).isTrue();
  }

  @Test
  void rulesRunInOrder_theFirstDenialIsReported() {
    subjects.put(consentingToEverything(ALICE).withNoPersonalisedMarketing(true));

    // both the PIPL flag and quiet hours deny; the PIPL rule comes first in the defaults
    assertDenied(policy.check(marketing(ALICE, ContactChannel.SMS, shanghai("2026-11-23T23:00"))),
        DenialReason.NO_PERSONALISED_MARKETING, "no-personalised-marketing");
  }

  @Test
  void builder_withoutSubjects_namesTheFix() {
    assertThatThrownBy(() -> ContactPolicy.builder().ledger(ledger).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("subjects is required")
        .hasMessageContaining("InMemoryContactSubjects");
  }

  @Test
  void builder_withoutLedger_namesTheFix() {
    assertThatThrownBy(() -> ContactPolicy.builder().subjects(subjects).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ContactLedgers.inMemory()");
  }

  @Test
  void builder_emptyRules_isRefused() {
    assertThatThrownBy(() -> ContactPolicy.builder().rules(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ContactRules.defaults()");
  }

  @Test
  void capBuilder_missingWindowOrMax_namesTheFix() {
    assertThatThrownBy(() -> ContactRules.cap("x").max(1).build()).hasMessageContaining("per(window)");
    assertThatThrownBy(() -> ContactRules.cap("x").per(CapWindow.calendarDay()).build())
        .hasMessageContaining("max(n)");
    assertThatThrownBy(() -> ContactRules.cap("x").max(-1)).hasMessageContaining("but was -1");
  }

  @Test
  void quietHours_sameStartAndEnd_isRefused() {
    assertThatThrownBy(() -> ContactRules.quietHours(java.time.LocalTime.NOON, java.time.LocalTime.NOON,
        java.util.Set.of(ContactPurpose.MARKETING))).hasMessageContaining("but both were 12:00");
  }

  @Test
  void quietHours_withinOneDay_doNotWrap() {
    QuietHoursRule lunch = new QuietHoursRule("lunch", java.time.LocalTime.of(12, 0), java.time.LocalTime.of(13, 0),
        java.util.Set.of(ContactPurpose.MARKETING));

    assertThat(lunch.isQuiet(java.time.LocalTime.of(11, 59))).isFalse();
    assertThat(lunch.isQuiet(java.time.LocalTime.of(12, 0))).isTrue();
    assertThat(lunch.isQuiet(java.time.LocalTime.of(12, 59))).isTrue();
    assertThat(lunch.isQuiet(java.time.LocalTime.of(13, 0))).isFalse();
    assertThat(lunch.isQuiet(java.time.LocalTime.of(23, 0))).isFalse();
  }

  private ContactPolicy capsOnly() {
    return ContactPolicy.builder().subjects(subjects).ledger(ledger)
        .rules(ContactRules.defaults().stream().filter(r -> !r.name().equals("quiet-hours")).toList())
        .build();
  }

  private static void assertDenied(ContactDecision decision, DenialReason reason, String rule) {
    assertThat(decision).isInstanceOf(ContactDecision.Denied.class);
    ContactDecision.Denied denied = (ContactDecision.Denied) decision;
    assertThat(denied.reason()).isEqualTo(reason);
    assertThat(denied.rule()).isEqualTo(rule);
  }
}
