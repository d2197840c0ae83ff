package io.github.scrm.core.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.github.scrm.core.identity.Identifier;
import java.time.Instant;
import java.util.List;

/**
 * One fact about a customer, as a host's ERP, POS or social connector reports it. Events are immutable and identified
 * by {@link #eventId()}: ingesting the same id twice changes nothing. The customer is never named directly; it is
 * resolved from the {@link #identifiers()} the event carries.
 *
 * <p>In JSON each event is an object whose {@code "type"} names the subtype ({@code "purchase"},
 * {@code "social.interaction"}, ...); see {@code docs/event-schema.md}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = MembershipJoined.class, name = "membership.joined"),
  @JsonSubTypes.Type(value = ProfileUpdated.class, name = "profile.updated"),
  @JsonSubTypes.Type(value = Purchase.class, name = "purchase"),
  @JsonSubTypes.Type(value = Refund.class, name = "refund"),
  @JsonSubTypes.Type(value = SocialInteraction.class, name = "social.interaction"),
  @JsonSubTypes.Type(value = CommunityActivity.class, name = "community.activity"),
  @JsonSubTypes.Type(value = CampaignParticipation.class, name = "campaign.participation"),
  @JsonSubTypes.Type(value = StaffContact.class, name = "staff.contact"),
  @JsonSubTypes.Type(value = ReferralInviteIssued.class, name = "referral.invite.issued"),
  @JsonSubTypes.Type(value = ReferralInviteResponded.class, name = "referral.invite.responded"),
  @JsonSubTypes.Type(value = ReferralQualified.class, name = "referral.qualified"),
  @JsonSubTypes.Type(value = InfluenceScored.class, name = "influence.scored"),
  @JsonSubTypes.Type(value = ConsentChanged.class, name = "consent.changed")
})
public sealed interface CustomerEvent
    permits MembershipJoined, ProfileUpdated, Purchase, Refund, SocialInteraction, CommunityActivity,
        CampaignParticipation, StaffContact, ReferralInviteIssued, ReferralInviteResponded, ReferralQualified,
        InfluenceScored, ConsentChanged {

  /** The host's unique id of this event; the idempotency key. */
  String eventId();

  /** When it happened; every metric window is computed from this instant. */
  Instant occurredAt();

  /** When the host received it (audit only; may lag {@link #occurredAt()} by days for late imports). */
  Instant receivedAt();

  /** Where it came from: {@code wechat}, {@code douyin}, {@code store-pos}, {@code erp}, ... */
  String sourceChannel();

  /** The identifiers of the customer the event is about; at least one. */
  List<Identifier> identifiers();
}
