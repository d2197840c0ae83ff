package io.github.scrm.core.contact;

import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.spi.ContactSubject;
import java.time.ZoneId;
import java.util.Optional;

/** PIPL art. 24: a customer who refused personalised marketing gets none; non-personalised messages still pass. */
record PersonalisedMarketingRule(String name) implements ContactRule {

  @Override
  public Optional<ContactDecision.Denied> judge(ContactRequest request, ContactSubject subject, ZoneId businessZone) {
    if (request.purpose() == ContactPurpose.MARKETING && request.personalised()
        && subject.noPersonalisedMarketing()) {
      return Optional.of(new ContactDecision.Denied(DenialReason.NO_PERSONALISED_MARKETING, name,
          "customer refused personalised marketing (PIPL art. 24); only non-personalised marketing may be sent"));
    }
    return Optional.empty();
  }
}
