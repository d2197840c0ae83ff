package io.github.scrm.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.consent.Consent;
import io.github.scrm.core.consent.ConsentStatus;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.customer.CustomerId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ContactSubjectTest {

  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  @Test
  void consentAt_isTheLatestRecordNotAfterTheInstant_forThatChannelAndPurposeOnly() {
    Consent granted = consent(ContactChannel.SMS, ContactPurpose.MARKETING, ConsentStatus.GRANTED, T0);
    Consent withdrawn = consent(ContactChannel.SMS, ContactPurpose.MARKETING, ConsentStatus.WITHDRAWN,
        T0.plusSeconds(100));
    Consent otherPurpose = consent(ContactChannel.SMS, ContactPurpose.CARE, ConsentStatus.GRANTED, T0.plusSeconds(200));
    ContactSubject subject = ContactSubject.of(CustomerId.of("alice"), List.of(withdrawn, otherPurpose, granted));

    assertThat(subject.consentAt(ContactChannel.SMS, ContactPurpose.MARKETING, T0.minusSeconds(1))).isEmpty();
    assertThat(subject.consentAt(ContactChannel.SMS, ContactPurpose.MARKETING, T0.plusSeconds(99))).contains(granted);
    assertThat(subject.consentAt(ContactChannel.SMS, ContactPurpose.MARKETING, T0.plusSeconds(100)))
        .contains(withdrawn);
    assertThat(subject.consentAt(ContactChannel.WECHAT, ContactPurpose.MARKETING, T0.plusSeconds(300))).isEmpty();
  }

  @Test
  void consentAt_sameInstant_theLaterRecordInTheListWins() {
    Consent granted = consent(ContactChannel.SMS, ContactPurpose.MARKETING, ConsentStatus.GRANTED, T0);
    Consent withdrawn = consent(ContactChannel.SMS, ContactPurpose.MARKETING, ConsentStatus.WITHDRAWN, T0);

    assertThat(ContactSubject.of(CustomerId.of("a"), List.of(granted, withdrawn))
        .consentAt(ContactChannel.SMS, ContactPurpose.MARKETING, T0)).contains(withdrawn);
    assertThat(ContactSubject.of(CustomerId.of("a"), List.of(withdrawn, granted))
        .consentAt(ContactChannel.SMS, ContactPurpose.MARKETING, T0)).contains(granted);
  }

  @Test
  void toString_showsCountsNotRecords() {
    ContactSubject subject = ImmutableContactSubject.builder()
        .customer(CustomerId.of("alice"))
        .addConsents(consent(ContactChannel.SMS, ContactPurpose.MARKETING, ConsentStatus.GRANTED, T0))
        .noPersonalisedMarketing(true)
        .zone(ZoneId.of("Asia/Shanghai"))
        .addMergedIds(CustomerId.of("alice-before-merge"))
        .build();

    assertThat(subject.toString()).isEqualTo("ContactSubject{customer=alice, consents=1, noPersonalisedMarketing=true,"
        + " zone=Asia/Shanghai, mergedIds=1}");
  }

  private static Consent consent(ContactChannel channel, ContactPurpose purpose, ConsentStatus status, Instant at) {
    return new Consent(channel, purpose, status, at, "store-pos");
  }
}
