package io.github.scrm.core.contact;

import io.github.scrm.core.consent.Consent;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.spi.ContactSubject;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/** Consent in force for the channel and purpose at the request's instant; a withdrawn consent is an opt-out. */
record ConsentRule(String name, Set<ContactPurpose> purposes) implements ContactRule {

  ConsentRule {
    purposes = Set.copyOf(purposes);
  }

  @Override
  public Optional<ContactDecision.Denied> judge(ContactRequest request, ContactSubject subject, ZoneId businessZone) {
    if (!purposes.contains(request.purpose())) {
      return Optional.empty();
    }
    Optional<Consent> consent = subject.consentAt(request.channel(), request.purpose(), request.instant());
    if (consent.isEmpty()) {
      return Optional.of(new ContactDecision.Denied(DenialReason.NO_CONSENT, name,
          "consent required for " + request.channel() + "/" + request.purpose() + ", but none was recorded"));
    }
    if (!consent.get().granted()) {
      return Optional.of(new ContactDecision.Denied(DenialReason.OPTED_OUT, name,
          "consent for " + request.channel() + "/" + request.purpose() + " was withdrawn at "
              + consent.get().recordedAt()));
    }
    return Optional.empty();
  }
}
