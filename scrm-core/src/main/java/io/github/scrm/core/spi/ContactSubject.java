package io.github.scrm.core.spi;

import io.github.scrm.core.ScrmStyle;
import io.github.scrm.core.consent.Consent;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.customer.CustomerId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What the contact policy must know about one customer, and nothing more: the consent records per channel and purpose,
 * the PIPL art. 24 "no personalised marketing" flag and the customer's own time zone. Carries no personal data.
 *
 * <p>Build with {@code ImmutableContactSubject.builder()} or {@link #of}.
 */
@Value.Immutable
@ScrmStyle
public abstract class ContactSubject {

  /** The customer. */
  public abstract CustomerId customer();

  /** Every consent record, granted or withdrawn, in any order; the latest per channel and purpose is in force. */
  public abstract List<Consent> consents();

  /** Whether the customer refused personalised marketing (PIPL art. 24); {@code false} when not set. */
  @Value.Default
  public boolean noPersonalisedMarketing() {
    return false;
  }

  /** The customer's own zone, when known; quiet hours fall back to the business zone. */
  public abstract Optional<ZoneId> zone();

  /**
   * The customers merged into this one: the contacts recorded under them before the merge count against this
   * customer's caps and campaigns, as the same person's. Empty unless the host merges customers.
   */
  public abstract Set<CustomerId> mergedIds();

  /** A subject with the given consents, personalised marketing allowed and no zone of its own. */
  public static ContactSubject of(CustomerId customer, List<Consent> consents) {
    return ImmutableContactSubject.builder().customer(customer).addAllConsents(consents).build();
  }

  /**
   * The consent in force for {@code channel} and {@code purpose} at {@code instant}: the record with the latest
   * {@link Consent#recordedAt()} not after {@code instant} (on a tie, the later one in {@link #consents()}).
   */
  public Optional<Consent> consentAt(ContactChannel channel, ContactPurpose purpose, Instant instant) {
    // a linear scan: a customer has a few dozen consent records at most, and implementations of ContactSubjects
    // may build a new subject for every check, so an index would cost more than it saves
    Consent best = null;
    for (Consent consent : consents()) {
      if (consent.channel() == channel && consent.purpose() == purpose && !consent.recordedAt().isAfter(instant)
          && (best == null || !consent.recordedAt().isBefore(best.recordedAt()))) {
        best = consent;
      }
    }
    return Optional.ofNullable(best);
  }

  @Override
  public String toString() {
    return "ContactSubject{customer=" + customer() + ", consents=" + consents().size()
        + ", noPersonalisedMarketing=" + noPersonalisedMarketing() + ", zone=" + zone().map(ZoneId::getId).orElse("-")
        + ", mergedIds=" + mergedIds().size() + "}";
  }
}
