package io.github.scrm.segmentation.spi;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ContactEligibilityTest {

  private static final Instant NOW = Instant.parse("2026-09-30T04:00:00Z"); // 12:00 in Shanghai

  @Test
  void of_contactPolicy_excludesWithTheDenyingRuleAndRecordsNothing() {
    CustomerId consenting = CustomerId.of("c-1");
    CustomerId silent = CustomerId.of("c-2");
    InMemoryContactSubjects subjects = new InMemoryContactSubjects();
    subjects.put(ContactSubject.of(consenting, List.of(new Consent(ContactChannel.WECOM, ContactPurpose.MARKETING,
        ConsentStatus.GRANTED, NOW.minusSeconds(86_400), "store-pos"))));
    subjects.put(ContactSubject.of(silent, List.of()));
    ContactPolicy policy = ContactPolicy.builder()
        .subjects(subjects)
        .ledger(ContactLedgers.inMemory())
        .time(BusinessTime.of(Clock.fixed(NOW, ZoneOffset.UTC)))
        .build();
    ContactEligibility eligibility = ContactEligibility.of(policy,
        (customer, at) -> ContactRequest.of(customer, ContactChannel.WECOM, ContactPurpose.MARKETING, at));

    assertThat(eligibility.exclusion(consenting, NOW)).isEmpty();
    assertThat(eligibility.exclusion(consenting, NOW)).as("checking twice records nothing").isEmpty();
    assertThat(eligibility.exclusion(silent, NOW)).isPresent();
  }
}
