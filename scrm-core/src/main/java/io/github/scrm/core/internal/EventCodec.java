package io.github.scrm.core.internal;

import io.github.scrm.core.event.CampaignParticipation;
import io.github.scrm.core.event.CommunityActivity;
import io.github.scrm.core.event.ConsentChanged;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.InfluenceScored;
import io.github.scrm.core.event.MembershipJoined;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.event.Purchase;
import io.github.scrm.core.event.ReferralInviteIssued;
import io.github.scrm.core.event.ReferralInviteResponded;
import io.github.scrm.core.event.ReferralQualified;
import io.github.scrm.core.event.Refund;
import io.github.scrm.core.event.SocialInteraction;
import io.github.scrm.core.event.StaffContact;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * The binary form of events in the compact log. An encoded event is a tag byte (the kind in the low four bits, flags
 * above), the event id, {@code occurredAt} as zig-zag seconds from {@value #EPOCH_BASE} (plus nanoseconds when not
 * zero), {@code receivedAt} as a delta from {@code occurredAt} when they differ, the source channel, the fields of the
 * kind ({@link EventBodies}), and last the identifiers as numbers of the owner's identifier definitions (see
 * {@link CustomerStream}). A tombstone (kind 0) is only a tag and an event id: what an erasure leaves.
 */
final class EventCodec {

  /** Read for every identifier decoded: {@code values()} would copy the array each time. */
  private static final IdentifierType[] TYPES = IdentifierType.values();

  static final int TOMBSTONE = 0;
  static final int JOINED = 1;
  static final int PROFILE = 2;
  static final int PURCHASE = 3;
  static final int REFUND = 4;
  static final int SOCIAL = 5;
  static final int COMMUNITY = 6;
  static final int CAMPAIGN = 7;
  static final int STAFF = 8;
  static final int INVITE_ISSUED = 9;
  static final int INVITE_RESPONDED = 10;
  static final int QUALIFIED = 11;
  static final int INFLUENCE = 12;
  static final int CONSENT = 13;

  /** 2025-06-15: recent instants fit in four bytes. */
  static final long EPOCH_BASE = 1_750_000_000L;
  private static final int KIND_MASK = 0x0F;
  private static final int OCCURRED_NANOS = 0x10;
  private static final int RECEIVED_DIFFERS = 0x20;

  private final TextDictionary dictionary;
  private final EventBodies bodies;

  EventCodec(TextDictionary dictionary) {
    this.dictionary = dictionary;
    this.bodies = new EventBodies(dictionary);
  }

  TextDictionary dictionary() {
    return dictionary;
  }

  /** Writes everything but the identifiers. */
  void writeEvent(CustomerEvent event, EventWriter out) {
    Instant occurred = event.occurredAt();
    Instant received = event.receivedAt();
    boolean receivedDiffers = !received.equals(occurred);
    int kind = kindOf(event);
    out.writeByte(kind | (occurred.getNano() != 0 ? OCCURRED_NANOS : 0)
        | (receivedDiffers ? RECEIVED_DIFFERS : 0));
    out.writeEventId(event.eventId(), dictionary);
    out.writeSigned(occurred.getEpochSecond() - EPOCH_BASE);
    if (occurred.getNano() != 0) {
      out.writeVarint(occurred.getNano());
    }
    if (receivedDiffers) {
      out.writeSigned(received.getEpochSecond() - occurred.getEpochSecond());
      out.writeVarint(received.getNano());
    }
    out.writeText(event.sourceChannel(), dictionary);
    bodies.write(kind, event, out);
  }

  /** Writes what an erasure keeps of an event: its id. */
  void writeTombstone(String eventId, EventWriter out) {
    out.writeByte(TOMBSTONE);
    out.writeEventId(eventId, dictionary);
  }

  /** Reads an event written by {@link #writeEvent} and its identifier numbers, resolved in {@code definitions}. */
  CustomerEvent readEvent(EventReader in, List<Identifier> definitions) {
    int tag = in.readByte();
    int kind = tag & KIND_MASK;
    if (kind == TOMBSTONE) {
      throw new IllegalStateException("an erased event has no content to read");
    }
    String id = in.readEventId();
    long seconds = in.readSigned() + EPOCH_BASE;
    Instant occurred = Instant.ofEpochSecond(seconds, (tag & OCCURRED_NANOS) != 0 ? in.readVarint() : 0);
    Instant received = occurred;
    if ((tag & RECEIVED_DIFFERS) != 0) {
      long receivedSeconds = seconds + in.readSigned();
      received = Instant.ofEpochSecond(receivedSeconds, in.readVarint());
    }
    String channel = in.readText();
    return bodies.read(kind, new EventBodies.Head(id, occurred, received, channel), in, definitions);
  }

  /** The kind of the encoded event starting at the reader's position, without moving it. */
  static int kindAt(byte[] bytes, int position) {
    return bytes[position] & KIND_MASK;
  }

  /** An identifier definition: type, scope (by dictionary), value and the masked form when it differs. */
  void writeIdentifier(Identifier identifier, EventWriter out) {
    out.writeByte(identifier.type().ordinal());
    if (identifier.type().scoped()) {
      out.writeText(identifier.scope(), dictionary);
    }
    out.writeInline(identifier.value());
    if (identifier.masked().equals(identifier.value())) {
      out.writeByte(0);
    } else {
      out.writeInline(identifier.masked());
    }
  }

  /**
   * Whether the definition at the reader's position is that of {@code identifier}: what comparing it with
   * {@link #writeIdentifier}'s bytes would tell, without writing them. Moves the reader.
   */
  boolean identifierEquals(EventReader in, Identifier identifier) {
    IdentifierType type = identifier.type();
    if (in.readByte() != type.ordinal()
        || (type.scoped() && !in.textEquals(identifier.scope()))
        || !in.textEquals(identifier.value())) {
      return false;
    }
    String masked = identifier.masked();
    return in.peekByte() == 0 ? masked.equals(identifier.value()) : in.textEquals(masked);
  }

  Identifier readIdentifier(EventReader in) {
    IdentifierType type = TYPES[in.readByte()];
    String scope = type.scoped() ? in.readText() : "";
    String value = in.readText();
    String masked = in.readNullableText();
    return new Identifier(type, scope, value, masked == null ? value : masked);
  }

  /** An amount's unscaled value and scale, exactly. */
  static void writeDecimal(BigDecimal value, EventWriter out) {
    out.writeSigned(value.scale());
    BigInteger unscaled = value.unscaledValue();
    if (unscaled.bitLength() < 63) {
      out.writeByte(0);
      out.writeSigned(unscaled.longValue());
    } else {
      byte[] bytes = unscaled.toByteArray();
      out.writeByte(1);
      out.writeVarint(bytes.length);
      out.writeBytes(bytes, 0, bytes.length);
    }
  }

  static BigDecimal readDecimal(EventReader in) {
    int scale = Math.toIntExact(in.readSigned());
    if (in.readByte() == 0) {
      return BigDecimal.valueOf(in.readSigned(), scale);
    }
    byte[] bytes = new byte[in.readInt()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) in.readByte();
    }
    return new BigDecimal(new BigInteger(bytes), scale);
  }

  private static int kindOf(CustomerEvent event) {
    if (event instanceof Purchase) {
      return PURCHASE;
    } else if (event instanceof SocialInteraction) {
      return SOCIAL;
    } else if (event instanceof MembershipJoined) {
      return JOINED;
    } else if (event instanceof Refund) {
      return REFUND;
    } else if (event instanceof CommunityActivity) {
      return COMMUNITY;
    } else if (event instanceof ProfileUpdated) {
      return PROFILE;
    } else if (event instanceof ConsentChanged) {
      return CONSENT;
    } else if (event instanceof CampaignParticipation) {
      return CAMPAIGN;
    } else if (event instanceof StaffContact) {
      return STAFF;
    } else if (event instanceof ReferralInviteIssued) {
      return INVITE_ISSUED;
    } else if (event instanceof ReferralInviteResponded) {
      return INVITE_RESPONDED;
    } else if (event instanceof ReferralQualified) {
      return QUALIFIED;
    } else if (event instanceof InfluenceScored) {
      return INFLUENCE;
    }
    throw new IllegalArgumentException("no binary form for event type " + event.getClass().getName());
  }

  @Override
  public String toString() {
    return "EventCodec[" + dictionary + "]";
  }
}
