package io.github.scrm.examples.quickstart.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.Scrm;
import io.github.scrm.core.event.IngestOutcome;
import io.github.scrm.core.event.MembershipJoined;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.identity.MergeRecord;
import io.github.scrm.core.consent.Consent;
import io.github.scrm.core.consent.ConsentStatus;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.contact.CampaignId;
import io.github.scrm.core.contact.CapWindow;
import io.github.scrm.core.contact.ContactDecision;
import io.github.scrm.core.contact.ContactLedgers;
import io.github.scrm.core.contact.ContactPolicy;
import io.github.scrm.core.contact.ContactRequest;
import io.github.scrm.core.contact.ContactRules;
import io.github.scrm.core.contact.InMemoryContactSubjects;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.ContactSubject;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.staff.StaffDirectory;
import io.github.scrm.core.staff.StaffId;
import io.github.scrm.core.staff.StaffMember;
import io.github.scrm.core.staff.StaffStores;
import io.github.scrm.core.staff.TransferPolicy;
import io.github.scrm.core.time.BusinessTime;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs the samples of docs/staff-and-contact.md. */
final class StaffAndContactDocSampleTest {

  /** Monday 2026-03-09, 12:00 in Shanghai: outside quiet hours. */
  private static final Instant MONDAY_NOON = Instant.parse("2026-03-09T04:00:00Z");

  private static InMemoryContactSubjects consenting(CustomerId customer, ContactChannel... channels) {
    InMemoryContactSubjects subjects = new InMemoryContactSubjects();
    List<Consent> consents = Arrays.stream(channels)
        .map(channel -> new Consent(channel, ContactPurpose.MARKETING, ConsentStatus.GRANTED,
            MONDAY_NOON.minus(Duration.ofDays(30)), "store-pos"))
        .toList();
    subjects.put(ContactSubject.of(customer, consents));
    return subjects;
  }

  @Test
  void block1_buildsTheStaffDirectory() {
    Clock clock = Clock.fixed(MONDAY_NOON, ZoneOffset.UTC);

    // docs/staff-and-contact.md#1:start
    StaffDirectory staff = StaffDirectory.builder()
        .store(StaffStores.inMemory())     // or the host's StaffStore
        .ids(IdSource.secure())            // acquisition codes come from here
        .clock(clock)                      // or .time(businessTime)
        .policy(TransferPolicy.wecom())    // optional: these are the defaults
        .build();
    // docs/staff-and-contact.md#1:end

    StaffMember li = staff.register(StaffId.of("li"), "store-sh-01");
    assertThat(li.codes()).isNotEmpty();
    assertThat(staff.staff(StaffId.of("li"))).contains(li);
  }

  @Test
  void block2_givesMergedCustomersOneOwner() {
    Clock clock = Clock.fixed(MONDAY_NOON, ZoneOffset.UTC);
    Scrm scrm = Scrm.builder().clock(clock).idSource(IdSource.sequential("c", 1))
        .phoneHashKey("docs-sample-key-0123456789".getBytes(StandardCharsets.UTF_8)).build();
    StaffDirectory staff =
        StaffDirectory.builder().store(StaffStores.inMemory()).ids(IdSource.secure()).clock(clock).build();
    StaffMember li = staff.register(StaffId.of("li"), "store-sh-01");
    Identifier unionid = Identifier.scoped(IdentifierType.WECHAT_UNIONID, "open-brand", "oU-mei");
    Identifier member = Identifier.of(IdentifierType.MEMBER_NUMBER, "M-1001");
    scrm.ingest(new MembershipJoined("e1", MONDAY_NOON.minus(Duration.ofDays(9)), MONDAY_NOON, "store-pos",
        List.of(member), null));
    CustomerId follower = ((IngestOutcome.Accepted) scrm.ingest(
        new MembershipJoined("e2", MONDAY_NOON.minus(Duration.ofDays(8)), MONDAY_NOON, "wechat", List.of(unionid),
            null))).customer();
    staff.acquire(li.codes().iterator().next(), follower, ContactChannel.WECOM);
    IngestOutcome outcome = scrm.ingest(ProfileUpdated.of("e3", MONDAY_NOON, "store-pos", List.of(member, unionid)));

    // docs/staff-and-contact.md#2:start
    if (outcome instanceof IngestOutcome.Accepted accepted) {
      for (MergeRecord merge : accepted.merges()) {
        staff.merged(merge.survivor(), merge.absorbed());
      }
    }
    // docs/staff-and-contact.md#2:end

    CustomerId person = scrm.identities().current(follower);
    assertThat(person).isNotEqualTo(follower);
    assertThat(staff.ownerOf(person)).contains(li.id());
    assertThat(staff.load(li.id())).isEqualTo(1);
  }

  @Test
  void block3_allowsAConsentedBulkMessageOnce_andRecordsIt() {
    CustomerId customer = CustomerId.of("mei");
    InMemoryContactSubjects contactSubjects = consenting(customer, ContactChannel.WECOM);
    Instant now = MONDAY_NOON;

    // docs/staff-and-contact.md#3:start
    ContactPolicy policy = ContactPolicy.builder()
        .subjects(contactSubjects)          // ContactSubjects: consents, PIPL flag, zone per customer
        .ledger(ContactLedgers.inMemory())  // or the host's ContactLedger
        .rules(ContactRules.defaults())     // optional: these are the defaults
        .zone(BusinessTime.SHANGHAI)        // optional: business zone for calendar windows
        .build();

    ContactDecision d = policy.checkAndRecord(
        ContactRequest.of(customer, ContactChannel.WECOM, ContactPurpose.MARKETING, now)
            .withCampaign(CampaignId.of("double-11"))
            .withBulk(true));                // enterprise bulk message
    // docs/staff-and-contact.md#3:end

    assertThat(d).isInstanceOf(ContactDecision.Allowed.class);
    ContactDecision again = policy.checkAndRecord(
        ContactRequest.of(customer, ContactChannel.WECOM, ContactPurpose.MARKETING, now.plusSeconds(60))
            .withCampaign(CampaignId.of("double-11"))
            .withBulk(true));
    assertThat(again).isInstanceOf(ContactDecision.Denied.class);
    CustomerId stranger = CustomerId.of("stranger");
    assertThat(policy.check(ContactRequest.of(stranger, ContactChannel.WECOM, ContactPurpose.MARKETING, now)))
        .isInstanceOf(ContactDecision.Denied.class);
  }

  @Test
  void block4_customRules_capMarketingSmsAtTwoACalendarWeek() {
    CustomerId customer = CustomerId.of("mei");
    InMemoryContactSubjects contactSubjects = consenting(customer, ContactChannel.SMS);

    // docs/staff-and-contact.md#4:start
    ContactPolicy policy = ContactPolicy.builder()
        .subjects(contactSubjects)
        .ledger(ContactLedgers.inMemory())
        .rules(List.of(
            ContactRules.consentRequired(EnumSet.of(ContactPurpose.MARKETING, ContactPurpose.CARE)),
            ContactRules.noPersonalisedMarketing(),
            ContactRules.quietHours(LocalTime.of(22, 0), LocalTime.of(9, 0), EnumSet.of(ContactPurpose.MARKETING)),
            ContactRules.cap("sms-marketing-per-week").purposes(ContactPurpose.MARKETING)
                .channels(ContactChannel.SMS).max(2).per(CapWindow.calendarWeek()).build(),
            ContactRules.cap("one-per-channel-per-day").eachChannel().max(1).per(CapWindow.calendarDay()).build(),
            ContactRules.wecomBulkPerDay(),
            ContactRules.campaignOnce()))
        .build();
    // docs/staff-and-contact.md#4:end

    ContactDecision monday = policy.checkAndRecord(sms(customer, MONDAY_NOON));
    ContactDecision mondayAgain = policy.checkAndRecord(sms(customer, MONDAY_NOON.plusSeconds(60)));
    ContactDecision tuesday = policy.checkAndRecord(sms(customer, MONDAY_NOON.plus(Duration.ofDays(1))));
    ContactDecision wednesday = policy.checkAndRecord(sms(customer, MONDAY_NOON.plus(Duration.ofDays(2))));
    ContactDecision tuesdayNight = policy.check(sms(customer, MONDAY_NOON.plus(Duration.ofHours(19))));

    assertThat(monday).isInstanceOf(ContactDecision.Allowed.class);
    assertThat(mondayAgain).isInstanceOfSatisfying(ContactDecision.Denied.class,
        denied -> assertThat(denied.rule()).isEqualTo("one-per-channel-per-day"));
    assertThat(tuesday).isInstanceOf(ContactDecision.Allowed.class);
    assertThat(wednesday).isInstanceOfSatisfying(ContactDecision.Denied.class,
        denied -> assertThat(denied.rule()).isEqualTo("sms-marketing-per-week"));
    assertThat(tuesdayNight).isInstanceOf(ContactDecision.Denied.class);
  }

  private static ContactRequest sms(CustomerId customer, Instant at) {
    return ContactRequest.of(customer, ContactChannel.SMS, ContactPurpose.MARKETING, at);
  }

  /** The port as the doc shows it; the test below holds it to the real one. */
  // docs/staff-and-contact.md#5:start
  public interface ContactSubjects { Optional<ContactSubject> find(CustomerId customer); }
  // docs/staff-and-contact.md#5:end

  @Test
  void block5_showsTheRealPortsMethods() {
    assertThat(signatures(ContactSubjects.class))
        .isEqualTo(signatures(io.github.scrm.core.spi.ContactSubjects.class));
  }

  private static List<String> signatures(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(method -> !method.isSynthetic())
        .map(StaffAndContactDocSampleTest::signature)
        .sorted()
        .toList();
  }

  private static String signature(Method method) {
    return method.getGenericReturnType().getTypeName() + " " + method.getName() + Arrays.stream(
        method.getGenericParameterTypes()).map(java.lang.reflect.Type::getTypeName).toList()
        + " abstract=" + java.lang.reflect.Modifier.isAbstract(method.getModifiers())
        + " static=" + java.lang.reflect.Modifier.isStatic(method.getModifiers());
  }
}
