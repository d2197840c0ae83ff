package io.github.scrm.core.contact;

import io.github.scrm.core.ScrmStyle;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.customer.CustomerId;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One intended outbound contact: who, on which channel, for which purpose, when, and optionally for which campaign.
 * Create with {@link #of} and refine with the generated withers:
 *
 * <pre>{@code
 * ContactRequest.of(customer, ContactChannel.WECOM, ContactPurpose.MARKETING, now)
 *     .withCampaign(CampaignId.of("double-11"))
 *     .withBulk(true);
 * }</pre>
 */
@Value.Immutable
@ScrmStyle
public abstract class ContactRequest {

  /** The customer to contact. */
  public abstract CustomerId customer();

  /** The channel. */
  public abstract ContactChannel channel();

  /** The purpose. */
  public abstract ContactPurpose purpose();

  /** When the message would be sent. */
  public abstract Instant instant();

  /** The campaign the message belongs to, if any; a customer receives each campaign at most once. */
  public abstract Optional<CampaignId> campaign();

  /**
   * Whether this is an enterprise bulk message (WeCom "群发") rather than a one-to-one message; platform caps count
   * only bulk messages. {@code false} by default.
   */
  @Value.Default
  public boolean bulk() {
    return false;
  }

  /**
   * Whether the content was chosen for this customer from their profile (targeted, personalised). PIPL art. 24 lets a
   * customer refuse personalised marketing; a non-personalised broadcast is still allowed. {@code true} by default,
   * the safe assumption.
   */
  @Value.Default
  public boolean personalised() {
    return true;
  }

  /** A one-to-one, personalised request without a campaign. */
  public static ImmutableContactRequest of(
      CustomerId customer, ContactChannel channel, ContactPurpose purpose, Instant instant) {
    return ImmutableContactRequest.builder()
        .customer(customer)
        .channel(channel)
        .purpose(purpose)
        .instant(instant)
        .build();
  }
}
