package io.github.scrm.core.contact;

import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.customer.CustomerId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One contact recorded in the {@link io.github.scrm.core.spi.ContactLedger}. Carries ids only, no personal data.
 *
 * @param customer who was contacted
 * @param channel on which channel
 * @param purpose for which purpose
 * @param campaign the campaign, if any
 * @param bulk whether it was an enterprise bulk message
 * @param at when
 */
public record ContactRecord(
    CustomerId customer,
    ContactChannel channel,
    ContactPurpose purpose,
    Optional<CampaignId> campaign,
    boolean bulk,
    Instant at) {

  /** Validates the parts. */
  public ContactRecord {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(campaign, "campaign");
    Objects.requireNonNull(at, "at");
  }

  /** The record of an allowed request. */
  public static ContactRecord of(ContactRequest request) {
    return new ContactRecord(request.customer(), request.channel(), request.purpose(), request.campaign(),
        request.bulk(), request.instant());
  }
}
