package io.github.scrm.core.contact;

import static io.github.scrm.core.contact.ContactFixtures.consentingToEverything;
import static io.github.scrm.core.contact.ContactFixtures.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.ContactLedger;
import io.github.scrm.core.time.BusinessTime;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

final class ContactPolicyProperties {

  private static final List<CustomerId> CUSTOMERS =
      List.of(CustomerId.of("c0"), CustomerId.of("c1"), CustomerId.of("c2"));
  private static final Instant START = shanghai("2026-11-23T00:00");
  private static final int THREE_WEEKS_IN_MINUTES = 60 * 24 * 21;

  /** One attempt decoded from one generated integer, so that shrinking simplifies whole attempts. */
  record Attempt(CustomerId customer, ContactChannel channel, ContactPurpose purpose, boolean bulk,
      int campaign, Instant at) {

    static Attempt decode(int bits, int minute) {
      ContactChannel[] channels = {ContactChannel.WECOM, ContactChannel.SMS, ContactChannel.WECHAT};
      return new Attempt(
          CUSTOMERS.get(bits % 3),
          channels[(bits / 3) % 3],
          ContactPurpose.values()[(bits / 9) % 3],
          (bits / 27) % 2 == 1,
          (bits / 54) % 4,
          START.plusSeconds(60L * minute));
    }

    ContactRequest request() {
      ImmutableContactRequest request = ContactRequest.of(customer, channel, purpose, at).withBulk(bulk);
      return campaign == 0 ? request : request.withCampaign(CampaignId.of("campaign-" + campaign));
    }
  }

  private static Gen<List<Attempt>> attempts() {
    Gen<Attempt> one = integers().between(0, 215)
        .zip(integers().between(0, THREE_WEEKS_IN_MINUTES), Attempt::decode);
    return lists().of(one).ofSizeBetween(1, 120);
  }

  @Test
  void anySequenceOfAttempts_neverExceedsAnyDefaultCap() {
    qt().withExamples(150).forAll(attempts()).checkAssert(attempts -> {
      ContactLedger ledger = ContactLedgers.inMemory();
      ContactPolicy policy = policy(ledger);
      attempts.forEach(a -> policy.checkAndRecord(a.request()));

      for (CustomerId customer : CUSTOMERS) {
        List<ContactRecord> sent = ledger.contactsOf(customer);
        assertAtMost(sent, r -> r.purpose() == ContactPurpose.MARKETING, ContactPolicyProperties::day, 1);
        assertAtMost(sent, r -> r.purpose() == ContactPurpose.MARKETING, ContactPolicyProperties::week, 3);
        assertAtMost(sent, r -> r.purpose() == ContactPurpose.CARE, ContactPolicyProperties::day, 1);
        assertAtMost(sent, r -> r.purpose() == ContactPurpose.CARE, ContactPolicyProperties::week, 2);
        assertAtMost(sent, r -> r.channel() == ContactChannel.WECOM && r.bulk(), ContactPolicyProperties::day, 1);
        Set<Object> campaigns = new HashSet<>();
        sent.stream().flatMap(r -> r.campaign().stream())
            .forEach(c -> assertThat(campaigns.add(c)).as("campaign %s sent twice", c).isTrue());
        sent.forEach(r -> assertThat(quiet(r)).as("sent in quiet hours: %s", r).isFalse());
      }
    });
  }

  @Test
  void check_predictsCheckAndRecord_whenNothingHappensInBetween() {
    qt().withExamples(100).forAll(attempts()).checkAssert(attempts -> {
      ContactPolicy policy = policy(ContactLedgers.inMemory());
      for (Attempt attempt : attempts) {
        ContactDecision predicted = policy.check(attempt.request());
        assertThat(policy.checkAndRecord(attempt.request())).isEqualTo(predicted);
      }
    });
  }

  private static ContactPolicy policy(ContactLedger ledger) {
    InMemoryContactSubjects subjects = new InMemoryContactSubjects();
    CUSTOMERS.forEach(c -> subjects.put(consentingToEverything(c)));
    return ContactPolicy.builder().subjects(subjects).ledger(ledger).build();
  }

  private static void assertAtMost(List<ContactRecord> sent, java.util.function.Predicate<ContactRecord> counted,
      Function<ContactRecord, LocalDate> window, int max) {
    Map<LocalDate, Long> perWindow = sent.stream().filter(counted)
        .collect(Collectors.groupingBy(window, Collectors.counting()));
    perWindow.forEach((start, count) -> assertThat(count).as("window starting %s", start).isLessThanOrEqualTo(max));
  }

  private static LocalDate day(ContactRecord record) {
    return LocalDate.ofInstant(record.at(), BusinessTime.SHANGHAI);
  }

  private static LocalDate week(ContactRecord record) {
    return day(record).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  private static boolean quiet(ContactRecord record) {
    if (record.purpose() == ContactPurpose.SERVICE) {
      return false;
    }
    int hour = record.at().atZone(BusinessTime.SHANGHAI).getHour();
    return hour >= 21 || hour < 8;
  }
}
