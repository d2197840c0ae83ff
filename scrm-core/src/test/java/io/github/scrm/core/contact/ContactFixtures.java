package io.github.scrm.core.contact;

import io.github.scrm.core.consent.Consent;
import io.github.scrm.core.consent.ConsentStatus;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.spi.ContactSubject;
import io.github.scrm.core.spi.ImmutableContactSubject;
import io.github.scrm.core.time.BusinessTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Customers, consents and instants for contact policy tests. */
final class ContactFixtures {

  static final CustomerId ALICE = CustomerId.of("alice");
  static final CustomerId BOB = CustomerId.of("bob");
  /** A long-ago instant at which consents were given. */
  static final Instant SIGNED_UP = Instant.parse("2026-01-01T00:00:00Z");

  private ContactFixtures() {}

  /** The instant of a wall-clock time in Shanghai, such as {@code "2026-11-23T10:00"} (a Monday). */
  static Instant shanghai(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BusinessTime.SHANGHAI).toInstant();
  }

  /** A customer who granted every purpose on every channel at {@link #SIGNED_UP}. */
  static ImmutableContactSubject consentingToEverything(CustomerId customer) {
    List<Consent> consents = new ArrayList<>();
    for (ContactChannel channel : ContactChannel.values()) {
      for (ContactPurpose purpose : ContactPurpose.values()) {
        consents.add(granted(channel, purpose, SIGNED_UP));
      }
    }
    return ImmutableContactSubject.builder().customer(customer).addAllConsents(consents).build();
  }

  static Consent granted(ContactChannel channel, ContactPurpose purpose, Instant at) {
    return new Consent(channel, purpose, ConsentStatus.GRANTED, at, "store-pos");
  }

  static Consent withdrawn(ContactChannel channel, ContactPurpose purpose, Instant at) {
    return new Consent(channel, purpose, ConsentStatus.WITHDRAWN, at, "wechat-miniprogram");
  }

  static InMemoryContactSubjects subjects(ContactSubject... subjects) {
    InMemoryContactSubjects all = new InMemoryContactSubjects();
    for (ContactSubject subject : subjects) {
      all.put(subject);
    }
    return all;
  }

  static ImmutableContactRequest marketing(CustomerId customer, ContactChannel channel, Instant at) {
    return ContactRequest.of(customer, channel, ContactPurpose.MARKETING, at);
  }

  static ImmutableContactRequest care(CustomerId customer, Instant at) {
    return ContactRequest.of(customer, ContactChannel.WECOM, ContactPurpose.CARE, at);
  }

  static ImmutableContactRequest service(CustomerId customer, ContactChannel channel, Instant at) {
    return ContactRequest.of(customer, channel, ContactPurpose.SERVICE, at);
  }
}
