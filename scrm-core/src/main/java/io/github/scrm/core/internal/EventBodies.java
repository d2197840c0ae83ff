package io.github.scrm.core.internal;

import static io.github.scrm.core.internal.EventCodec.CAMPAIGN;
import static io.github.scrm.core.internal.EventCodec.COMMUNITY;
import static io.github.scrm.core.internal.EventCodec.CONSENT;
import static io.github.scrm.core.internal.EventCodec.INFLUENCE;
import static io.github.scrm.core.internal.EventCodec.INVITE_ISSUED;
import static io.github.scrm.core.internal.EventCodec.INVITE_RESPONDED;
import static io.github.scrm.core.internal.EventCodec.JOINED;
import static io.github.scrm.core.internal.EventCodec.PROFILE;
import static io.github.scrm.core.internal.EventCodec.PURCHASE;
import static io.github.scrm.core.internal.EventCodec.QUALIFIED;
import static io.github.scrm.core.internal.EventCodec.REFUND;
import static io.github.scrm.core.internal.EventCodec.SOCIAL;
import static io.github.scrm.core.internal.EventCodec.STAFF;

import io.github.scrm.core.consent.ConsentStatus;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CampaignAction;
import io.github.scrm.core.event.CampaignParticipation;
import io.github.scrm.core.event.CommunityAction;
import io.github.scrm.core.event.CommunityActivity;
import io.github.scrm.core.event.ConsentChanged;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.InfluenceScored;
import io.github.scrm.core.event.InteractionKind;
import io.github.scrm.core.event.MembershipJoined;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.event.Purchase;
import io.github.scrm.core.event.PurchaseLine;
import io.github.scrm.core.event.ReferralInviteIssued;
import io.github.scrm.core.event.ReferralInviteResponded;
import io.github.scrm.core.event.ReferralQualified;
import io.github.scrm.core.event.ReferralResponse;
import io.github.scrm.core.event.Refund;
import io.github.scrm.core.event.RefundLine;
import io.github.scrm.core.event.SocialInteraction;
import io.github.scrm.core.event.SocialPlatform;
import io.github.scrm.core.event.StaffContact;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.money.Money;
import io.github.scrm.core.staff.StaffId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The fields of each kind of event, after the common head. Texts that repeat across customers (channels, SKUs, brands,
 * categories, stores, staff, post ids, topics, groups, campaigns, programmes) go through the dictionary; unique ones
 * (order ids, invite codes, coupon codes, comments) are written inline. All amounts of a purchase share the currency of
 * its paid amount, as {@link Purchase} requires, so it is written once. {@link UpdateFields} holds the profile update.
 */
final class EventBodies {

  /** Read for every social interaction decoded: {@code values()} would copy the arrays each time. */
  private static final InteractionKind[] KINDS = InteractionKind.values();
  private static final SocialPlatform[] PLATFORMS = SocialPlatform.values();

  /** The common fields every event starts with. */
  record Head(String id, Instant occurredAt, Instant receivedAt, String channel) {}

  private final TextDictionary dictionary;
  private final UpdateFields profiles;

  EventBodies(TextDictionary dictionary) {
    this.dictionary = dictionary;
    this.profiles = new UpdateFields(dictionary);
  }

  void write(int kind, CustomerEvent event, EventWriter out) {
    switch (kind) {
      case JOINED -> out.writeNullableText(((MembershipJoined) event).level(), dictionary);
      case PROFILE -> profiles.write((ProfileUpdated) event, out);
      case PURCHASE -> writePurchase((Purchase) event, out);
      case REFUND -> writeRefund((Refund) event, out);
      case SOCIAL -> writeSocial((SocialInteraction) event, out);
      case COMMUNITY -> {
        CommunityActivity e = (CommunityActivity) event;
        out.writeText(e.groupId(), dictionary);
        out.writeByte(e.action().ordinal());
        out.writeNullableInline(e.text());
      }
      case CAMPAIGN -> {
        CampaignParticipation e = (CampaignParticipation) event;
        out.writeText(e.campaignId(), dictionary);
        out.writeByte(e.action().ordinal());
      }
      case STAFF -> {
        StaffContact e = (StaffContact) event;
        out.writeText(e.staff().value(), dictionary);
        out.writeByte(e.channel().ordinal());
        out.writeByte(e.purpose().ordinal());
        out.writeNullableText(e.campaignId(), dictionary);
      }
      case INVITE_ISSUED -> {
        ReferralInviteIssued e = (ReferralInviteIssued) event;
        out.writeText(e.programme(), dictionary);
        out.writeInline(e.code());
      }
      case INVITE_RESPONDED -> {
        ReferralInviteResponded e = (ReferralInviteResponded) event;
        out.writeText(e.programme(), dictionary);
        out.writeInline(e.code());
        out.writeByte(e.response().ordinal());
      }
      case QUALIFIED -> {
        ReferralQualified e = (ReferralQualified) event;
        out.writeText(e.programme(), dictionary);
        out.writeInline(e.code());
        out.writeInline(e.invitee().value());
      }
      case INFLUENCE -> EventCodec.writeDecimal(((InfluenceScored) event).score(), out);
      case CONSENT -> {
        ConsentChanged e = (ConsentChanged) event;
        out.writeByte(e.channel().ordinal());
        out.writeByte(e.purpose().ordinal());
        out.writeByte(e.status().ordinal());
      }
      default -> throw new IllegalArgumentException("unknown event kind " + kind);
    }
  }

  CustomerEvent read(int kind, Head h, EventReader in, List<Identifier> definitions) {
    switch (kind) {
      case JOINED: {
        String level = in.readNullableText();
        return new MembershipJoined(h.id(), h.occurredAt(), h.receivedAt(), h.channel(),
            identifiers(in, definitions), level);
      }
      case PROFILE:
        return profiles.read(h, in, definitions);
      case PURCHASE:
        return readPurchase(h, in, definitions);
      case REFUND:
        return readRefund(h, in, definitions);
      case SOCIAL:
        return readSocial(h, in, definitions);
      case COMMUNITY: {
        String group = in.readText();
        CommunityAction action = CommunityAction.values()[in.readByte()];
        String text = in.readNullableText();
        return new CommunityActivity(h.id(), h.occurredAt(), h.receivedAt(), h.channel(),
            identifiers(in, definitions), group, action, text);
      }
      case CAMPAIGN: {
        String campaign = in.readText();
        CampaignAction action = CampaignAction.values()[in.readByte()];
        return new CampaignParticipation(h.id(), h.occurredAt(), h.receivedAt(), h.channel(),
            identifiers(in, definitions), campaign, action);
      }
      case STAFF: {
        StaffId staff = StaffId.of(in.readText());
        ContactChannel channel = ContactChannel.values()[in.readByte()];
        ContactPurpose purpose = ContactPurpose.values()[in.readByte()];
        String campaign = in.readNullableText();
        return new StaffContact(h.id(), h.occurredAt(), h.receivedAt(), h.channel(), identifiers(in, definitions),
            staff, channel, purpose, campaign);
      }
      case INVITE_ISSUED: {
        String programme = in.readText();
        String code = in.readText();
        return new ReferralInviteIssued(h.id(), h.occurredAt(), h.receivedAt(), h.channel(),
            identifiers(in, definitions), programme, code);
      }
      case INVITE_RESPONDED: {
        String programme = in.readText();
        String code = in.readText();
        ReferralResponse response = ReferralResponse.values()[in.readByte()];
        return new ReferralInviteResponded(h.id(), h.occurredAt(), h.receivedAt(), h.channel(),
            identifiers(in, definitions), programme, code, response);
      }
      case QUALIFIED: {
        String programme = in.readText();
        String code = in.readText();
        CustomerId invitee = CustomerId.of(in.readText());
        return new ReferralQualified(h.id(), h.occurredAt(), h.receivedAt(), h.channel(),
            identifiers(in, definitions), programme, code, invitee);
      }
      case INFLUENCE: {
        var score = EventCodec.readDecimal(in);
        return new InfluenceScored(h.id(), h.occurredAt(), h.receivedAt(), h.channel(),
            identifiers(in, definitions), score);
      }
      case CONSENT: {
        ContactChannel channel = ContactChannel.values()[in.readByte()];
        ContactPurpose purpose = ContactPurpose.values()[in.readByte()];
        ConsentStatus status = ConsentStatus.values()[in.readByte()];
        return new ConsentChanged(h.id(), h.occurredAt(), h.receivedAt(), h.channel(), identifiers(in, definitions),
            channel, purpose, status);
      }
      default:
        throw new IllegalStateException("unknown event kind " + kind);
    }
  }

  private void writePurchase(Purchase e, EventWriter out) {
    out.writeInline(e.orderId());
    out.writeText(e.paidAmount().currency().getCurrencyCode(), dictionary);
    out.writeSigned(e.paidAmount().minorUnits());
    out.writeVarint(e.lines().size());
    for (PurchaseLine line : e.lines()) {
      out.writeText(line.sku(), dictionary);
      out.writeText(line.brand(), dictionary);
      out.writeText(line.category(), dictionary);
      out.writeVarint(line.quantity());
      out.writeSigned(line.unitPrice().minorUnits());
      out.writeSigned(line.lineDiscount().minorUnits());
    }
    writeInlineList(e.couponCodes(), out);
    out.writeText(e.channel(), dictionary);
    out.writeNullableText(e.store(), dictionary);
    out.writeNullableText(e.staff() == null ? null : e.staff().value(), dictionary);
  }

  private Purchase readPurchase(Head h, EventReader in, List<Identifier> definitions) {
    String order = in.readText();
    Currency currency = Currency.getInstance(in.readText());
    Money paid = Money.of(in.readSigned(), currency);
    int count = in.readInt();
    List<PurchaseLine> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String sku = in.readText();
      String brand = in.readText();
      String category = in.readText();
      int quantity = in.readInt();
      Money unit = Money.of(in.readSigned(), currency);
      Money discount = Money.of(in.readSigned(), currency);
      lines.add(new PurchaseLine(sku, brand, category, quantity, unit, discount));
    }
    List<String> coupons = readTexts(in);
    String channel = in.readText();
    String store = in.readNullableText();
    String staff = in.readNullableText();
    return new Purchase(h.id(), h.occurredAt(), h.receivedAt(), h.channel(), identifiers(in, definitions), order,
        lines, paid, coupons, channel, store, staff == null ? null : StaffId.of(staff));
  }

  private void writeRefund(Refund e, EventWriter out) {
    out.writeInline(e.orderId());
    out.writeText(e.amount().currency().getCurrencyCode(), dictionary);
    out.writeSigned(e.amount().minorUnits());
    out.writeVarint(e.lines().size());
    for (RefundLine line : e.lines()) {
      out.writeText(line.sku(), dictionary);
      out.writeVarint(line.quantity());
    }
  }

  private Refund readRefund(Head h, EventReader in, List<Identifier> definitions) {
    String order = in.readText();
    Currency currency = Currency.getInstance(in.readText());
    Money amount = Money.of(in.readSigned(), currency);
    int count = in.readInt();
    List<RefundLine> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String sku = in.readText();
      lines.add(new RefundLine(sku, in.readInt()));
    }
    return new Refund(h.id(), h.occurredAt(), h.receivedAt(), h.channel(), identifiers(in, definitions), order,
        lines, amount);
  }

  private void writeSocial(SocialInteraction e, EventWriter out) {
    out.writeByte(e.platform().ordinal() * KINDS.length + e.kind().ordinal());
    // null is 0; a value v is written as zigzag(v) + 1 (ratings) or v + 1 (follower counts are never negative)
    out.writeVarint(e.rating() == null ? 0 : ((e.rating() << 1) ^ (e.rating() >> 31)) + 1L);
    out.writeNullableInline(e.text());
    out.writeVarint(e.followerCount() == null ? 0 : e.followerCount() + 1);
    out.writeNullableText(e.postId(), dictionary);
    writeTexts(e.topics(), out);
  }

  private SocialInteraction readSocial(Head h, EventReader in, List<Identifier> definitions) {
    int both = in.readByte();
    int kinds = KINDS.length;
    SocialPlatform platform = PLATFORMS[both / kinds];
    InteractionKind kind = KINDS[both % kinds];
    long rating = in.readVarint();
    String text = in.readNullableText();
    long followers = in.readVarint();
    String post = in.readNullableText();
    List<String> topics = readTexts(in);
    Integer decodedRating = rating == 0 ? null : (int) (((rating - 1) >>> 1) ^ -((rating - 1) & 1));
    Long decodedFollowers = followers == 0 ? null : followers - 1;
    return new SocialInteraction(h.id(), h.occurredAt(), h.receivedAt(), h.channel(), identifiers(in, definitions),
        platform, kind, decodedRating, text, decodedFollowers, post, topics);
  }

  /** Texts that repeat across customers (topics, tags). */
  void writeTexts(List<String> texts, EventWriter out) {
    out.writeVarint(texts.size());
    for (String text : texts) {
      out.writeText(text, dictionary);
    }
  }

  static void writeInlineList(List<String> texts, EventWriter out) {
    out.writeVarint(texts.size());
    for (String text : texts) {
      out.writeInline(text);
    }
  }

  static List<String> readTexts(EventReader in) {
    int count = in.readInt();
    if (count == 0) {
      return List.of();
    }
    String[] texts = new String[count];
    for (int i = 0; i < count; i++) {
      texts[i] = in.readText();
    }
    return List.of(texts);
  }

  /** The identifiers at the end of an event, as numbers of the owner's definitions. */
  static List<Identifier> identifiers(EventReader in, List<Identifier> definitions) {
    int count = in.readInt();
    Identifier[] identifiers = new Identifier[count];
    for (int i = 0; i < count; i++) {
      identifiers[i] = definitions.get(in.readInt());
    }
    return List.of(identifiers);
  }

  @Override
  public String toString() {
    return "EventBodies[" + dictionary + "]";
  }
}
