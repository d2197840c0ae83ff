package io.github.scrm.core.internal;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.identity.Identifier;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One customer's events in one byte array: first the owner's customer id (a length byte and ASCII, which is all a
 * customer id may hold), then the identifier definitions the events refer to, then the encoded events in append order. Every entry is prefixed by its length, so an event id is found by skipping from entry to
 * entry. An event names its identifiers by definition number, so an identifier repeated in every event of the customer
 * is stored once. The stream's monitor is the per-customer lock: every method takes it but {@link #isOwnedBy}, which
 * only reads the owner's id, and the array that holds it is written only when complete, through a volatile field.
 */
final class CustomerStream {

  /** Streams up to this size grow to the exact size they need: a customer with one or two events keeps no slack. */
  private static final int EXACT_UP_TO = 96;

  /** An event taken out of a stream: its content, or only its id if it had been erased. */
  record Moved(String eventId, @Nullable CustomerEvent event) {}

  private static final VarHandle CONTENT = MethodHandles.arrayElementVarHandle(byte[][].class);

  /** The streams of the log this stream belongs to. */
  private final CustomerStreams streams;
  private final int ownerHash;
  private final int number;
  /** The chunk of the log's dense array of stream contents that holds this stream's bytes, and where. */
  private final byte[][] home;
  private final int homeIndex;
  private int definitionsEnd;
  private int length;

  CustomerStream(CustomerStreams streams, CustomerId owner, int ownerHash, int number, byte[][] home, int homeIndex) {
    this.streams = streams;
    this.home = home;
    this.homeIndex = homeIndex;
    String id = owner.value();
    this.ownerHash = ownerHash;
    this.number = number;
    byte[] start = new byte[1 + id.length()];
    start[0] = (byte) id.length();
    for (int i = 0; i < id.length(); i++) {
      start[1 + i] = (byte) id.charAt(i);
    }
    this.definitionsEnd = start.length;
    this.length = start.length;
    setBytes(start);
  }

  /** A hash of the owner's id, for the table of streams by owner. */
  int ownerHash() {
    return ownerHash;
  }

  synchronized CustomerId owner() {
    return CustomerId.of(new String(bytes(), 1, ownerEnd() - 1, StandardCharsets.ISO_8859_1));
  }

  /**
   * Whether {@code owner} owns this stream. Needs no lock: the owner's id never changes and every array that holds it
   * is complete before it is published. A stream seen before its construction is visible counts as not owned, so
   * that a caller without a lock looks again under one.
   */
  boolean isOwnedBy(CustomerId owner) {
    byte[] current = bytes();
    String id = owner.value();
    if (current == null || id.length() != current[0]) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      if (current[1 + i] != (byte) id.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether this stream is one of {@code streams}. */
  boolean isIn(CustomerStreams streams) {
    return this.streams == streams;
  }

  /**
   * Reads, without the lock, the bytes an append reads and writes: the head with the identifier definitions and the
   * end. Changes nothing; returns a value derived from them so that the reads are not optimised away.
   */
  int touch() {
    byte[] current = bytes();
    if (current == null) {
      return 0;
    }
    int end = Math.min(length, current.length);
    return current[0] + (end > 0 ? current[end - 1] : 0);
  }

  /** The stream's number in the event-id table, from 1. */
  int number() {
    return number;
  }

  /**
   * Appends the event {@code out} holds (written by {@link EventCodec#writeEvent}, without identifiers) with the
   * identifiers given; uses {@code out} beyond its content as scratch space.
   */
  synchronized void append(EventWriter out, List<Identifier> identifiers, EventCodec codec) {
    int bodyEnd = out.position();
    int count = identifiers.size();
    int[] numbers = out.numbers(count);
    for (int i = 0; i < count; i++) {
      codec.writeIdentifier(identifiers.get(i), out);
      numbers[i] = definitionNumber(out.bytes(), bodyEnd, out.position() - bodyEnd);
      out.truncate(bodyEnd);
    }
    out.writeVarint(count);
    for (int i = 0; i < count; i++) {
      out.writeVarint(numbers[i]);
    }
    appendEntry(out.bytes(), 0, out.position());
  }

  /** Appends an entry {@code out} holds as is (a tombstone written by {@link EventCodec#writeTombstone}). */
  synchronized void appendTombstone(EventWriter out) {
    appendEntry(out.bytes(), 0, out.position());
  }

  /** Whether an event (or the tombstone of one) with {@code eventId} is in this stream. */
  synchronized boolean holds(String eventId, TextDictionary dictionary) {
    return find(eventId, dictionary) >= 0;
  }

  /** Takes the event {@code eventId} out of the stream; null if it is not here. */
  synchronized @Nullable Moved remove(String eventId, EventCodec codec) {
    int at = find(eventId, codec.dictionary());
    if (at < 0) {
      return null;
    }
    int entryLength = lengthAt(bytes(), at);
    int start = at + EventWriter.varintLength(entryLength);
    int end = start + entryLength;
    Moved moved = EventCodec.kindAt(bytes(), start) == EventCodec.TOMBSTONE
        ? new Moved(eventId, null)
        : new Moved(eventId, codec.readEvent(new EventReader(bytes(), start, codec.dictionary()), definitions(codec)));
    System.arraycopy(bytes(), end, bytes(), at, length - end);
    length -= end - at;
    return moved;
  }

  /** The events in append order (erased ones left out), decoded outside the lock from a copy. */
  List<CustomerEvent> events(EventCodec codec) {
    byte[] copy;
    int start;
    synchronized (this) {
      if (length == definitionsEnd) {
        return new ArrayList<>(0);
      }
      copy = Arrays.copyOf(bytes(), length);
      start = definitionsEnd;
    }
    List<Identifier> definitions = readDefinitions(copy, ownerEnd(copy), start, codec);
    List<CustomerEvent> events = new ArrayList<>();
    EventReader in = new EventReader(copy, start, codec.dictionary());
    int p = start;
    while (p < copy.length) {
      int entryLength = lengthAt(copy, p);
      int entryStart = p + EventWriter.varintLength(entryLength);
      if (EventCodec.kindAt(copy, entryStart) != EventCodec.TOMBSTONE) {
        in.seek(entryStart);
        events.add(codec.readEvent(in, definitions));
      }
      p = entryStart + entryLength;
    }
    return events;
  }

  /**
   * Deletes the contents of every event and the identifier definitions, keeping a tombstone with the id of each event;
   * returns how many events had contents.
   */
  synchronized int erase() {
    int erased = 0;
    int ownerEnd = ownerEnd();
    byte[] tombstones = Arrays.copyOf(bytes(), ownerEnd + length - definitionsEnd);
    int kept = ownerEnd;
    for (int p = definitionsEnd; p < length; ) {
      int entryLength = lengthAt(bytes(), p);
      int entryStart = p + EventWriter.varintLength(entryLength);
      if (EventCodec.kindAt(bytes(), entryStart) != EventCodec.TOMBSTONE) {
        erased++;
      }
      // the id follows the tag byte and is self-delimiting: measure it by skipping it
      int idEnd = idEnd(entryStart + 1);
      int tombstoneLength = idEnd - entryStart;
      kept = writeLength(tombstones, kept, tombstoneLength);
      tombstones[kept++] = EventCodec.TOMBSTONE;
      System.arraycopy(bytes(), entryStart + 1, tombstones, kept, tombstoneLength - 1);
      kept += tombstoneLength - 1;
      p = entryStart + entryLength;
    }
    setBytes(Arrays.copyOf(tombstones, kept));
    definitionsEnd = ownerEnd;
    length = kept;
    return erased;
  }

  /** How many bytes the stream holds (for tests and diagnostics). */
  synchronized int size() {
    return length;
  }

  private int find(String eventId, TextDictionary dictionary) {
    byte[] current = bytes();
    EventReader in = new EventReader(current, definitionsEnd, dictionary);
    for (int p = definitionsEnd; p < length; ) {
      int entryLength = lengthAt(current, p);
      int entryStart = p + EventWriter.varintLength(entryLength);
      in.seek(entryStart + 1);
      if (in.eventIdEquals(eventId)) {
        return p;
      }
      p = entryStart + entryLength;
    }
    return -1;
  }

  private int idEnd(int idStart) {
    EventReader in = new EventReader(bytes(), idStart, TextDictionary.NONE);
    long header = in.readVarint();
    if ((header & 1) != 0) {
      in.readVarint();
      return in.position();
    }
    return in.position() + Math.toIntExact((header >>> 1) - 1);
  }

  private int definitionNumber(byte[] definition, int offset, int definitionLength) {
    int n = 0;
    byte[] current = bytes();
    for (int p = ownerEnd(current); p < definitionsEnd; n++) {
      int entryLength = lengthAt(current, p);
      int entryStart = p + EventWriter.varintLength(entryLength);
      if (entryLength == definitionLength && Arrays.equals(
          current, entryStart, entryStart + entryLength, definition, offset, offset + definitionLength)) {
        return n;
      }
      p = entryStart + entryLength;
    }
    // a new definition goes at the end of the definitions, before the events
    int entry = EventWriter.varintLength(definitionLength) + definitionLength;
    ensureCapacity(length + entry);
    System.arraycopy(bytes(), definitionsEnd, bytes(), definitionsEnd + entry, length - definitionsEnd);
    int p = writeLength(bytes(), definitionsEnd, definitionLength);
    System.arraycopy(definition, offset, bytes(), p, definitionLength);
    definitionsEnd += entry;
    length += entry;
    return n;
  }

  private static List<Identifier> readDefinitions(byte[] bytes, int start, int end, EventCodec codec) {
    List<Identifier> definitions = new ArrayList<>(2);
    EventReader in = new EventReader(bytes, start, codec.dictionary());
    for (int p = start; p < end; ) {
      int entryLength = lengthAt(bytes, p);
      int entryStart = p + EventWriter.varintLength(entryLength);
      in.seek(entryStart);
      definitions.add(codec.readIdentifier(in));
      p = entryStart + entryLength;
    }
    return definitions;
  }

  private List<Identifier> definitions(EventCodec codec) {
    return readDefinitions(bytes(), ownerEnd(), definitionsEnd, codec);
  }

  private void appendEntry(byte[] entry, int offset, int entryLength) {
    ensureCapacity(length + EventWriter.varintLength(entryLength) + entryLength);
    int p = writeLength(bytes(), length, entryLength);
    System.arraycopy(entry, offset, bytes(), p, entryLength);
    length = p + entryLength;
  }

  private void ensureCapacity(int needed) {
    if (needed > bytes().length) {
      // Every growth copies the stream and the new array lives until the customer's next growth, which for a
      // million customers outlasts several young collections: growing by half copies each byte about three times
      // instead of once per event. Slack is paid for by every customer; an array's size is a multiple of 8 anyway.
      int capacity = needed <= EXACT_UP_TO ? needed : needed + (needed >> 1);
      setBytes(Arrays.copyOf(bytes(), (capacity + 7) & ~7));
    }
  }

  /**
   * The stream's bytes. They live in a dense array of the log rather than in a field of this object: every append
   * replaces the array, and references from long-lived memory to new arrays cost the young collections less when they
   * share cards of the heap.
   */
  private byte[] bytes() {
    return (byte[]) CONTENT.getAcquire(home, homeIndex);
  }

  private void setBytes(byte[] bytes) {
    CONTENT.setRelease(home, homeIndex, bytes);
  }

  private int ownerEnd() {
    return ownerEnd(bytes());
  }

  private static int ownerEnd(byte[] bytes) {
    return 1 + bytes[0];
  }

  private static int lengthAt(byte[] bytes, int position) {
    int value = 0;
    int shift = 0;
    for (int p = position; ; p++) {
      byte b = bytes[p];
      value |= (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
      shift += 7;
    }
  }

  private static int writeLength(byte[] bytes, int position, int value) {
    int p = position;
    int v = value;
    while ((v & ~0x7F) != 0) {
      bytes[p++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    bytes[p++] = (byte) v;
    return p;
  }

  /** Names the owner and the size only: the contents are personal data. */
  @Override
  public String toString() {
    return "CustomerStream[" + owner() + ", " + size() + " bytes]";
  }
}
