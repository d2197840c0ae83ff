package io.github.scrm.core.contact;

/** Why a contact was denied; the rule's name in {@link ContactDecision.Denied#rule()} says which rule exactly. */
public enum DenialReason {
  /** The customer is unknown to the {@link io.github.scrm.core.spi.ContactSubjects}, or was erased. */
  UNKNOWN_CUSTOMER,
  /** No consent was ever given for this channel and purpose. */
  NO_CONSENT,
  /** The customer withdrew their consent for this channel and purpose (opt-out). */
  OPTED_OUT,
  /** The customer refused personalised marketing (PIPL art. 24). */
  NO_PERSONALISED_MARKETING,
  /** It is within quiet hours in the customer's zone. */
  QUIET_HOURS,
  /** A frequency cap per customer, window, channel and purpose is reached (care caps included). */
  FREQUENCY_CAP,
  /** A platform's own cap is reached (WeCom: one enterprise bulk message per customer per day). */
  PLATFORM_CAP,
  /** The customer already received this campaign. */
  CAMPAIGN_ALREADY_SENT
}
