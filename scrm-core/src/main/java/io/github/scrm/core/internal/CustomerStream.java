package io.github.scrm.core.internal;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.identity.Identifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One customer's events. The owner's customer id (a length byte and ASCII, which is all a customer id may hold) and the
 * identifier definitions the events refer to are kept in a small array of the stream's own, the {@code head}; the
 * encoded events are entries in the log's {@link EventArena}, each with the address of the customer's entry before it,
 * so that the newest entry leads back through all of them. An event names its identifiers by definition number, so an
 * identifier repeated in every event of the customer is stored once. Appending writes the new entry only: the cost does
 * not grow with the customer's history.
 *
 * <p>An entry is the address of the one before ({@value EventArena#ADDRESS_BYTES} bytes, {@link EventArena#NONE} for
 * the first), its length as a varint, then the event. Taking an event out zeroes its bytes and links its neighbours;
 * erasing turns every entry in place into a tombstone (the tag and the id) followed by zeros.
 *
 * <p>The stream's monitor is the per-customer lock: every method takes it but {@link #isOwnedBy}, which only reads the
 * head, written whole and published through a volatile field, and {@link #touch}, whose reads are hints.
 */
final class CustomerStream {

  /** An event taken out of a stream: its content, or only its id if it had been erased. */
  record Moved(String eventId, @Nullable CustomerEvent event) {}

  private static final int[] NO_USES = new int[0];
  /** The first byte of a definition no event refers to any more: no identifier type has this number. */
  private static final byte RETIRED = (byte) 0xFF;

  /** The streams of the log this stream belongs to. */
  private final CustomerStreams streams;
  private final EventArena arena;
  private final int ownerHash;
  private final int number;
  private volatile byte[] head;
  /** How many of the stream's events refer to each definition of the head, by definition number. */
  private int[] uses = NO_USES;
  /** The newest entry, or {@link EventArena#NONE}. */
  private long last = EventArena.NONE;
  private int entries;
  /** The bytes of the entries, with their addresses and lengths. */
  private int entryBytes;
  /**
   * The addresses of the entries, newest first, as {@link #read} or {@link #remove} last found them; valid while it
   * holds {@link #entries} addresses and the first is {@link #last}, and kept so by each removal. A merge moves a
   * customer's events oldest first: each is then found at the end of the path rather than at the end of a walk past
   * all the others, so that moving n events costs n steps, not n². Dropped by an append and when the stream empties.
   */
  private long @Nullable [] path;
  private int pathSize;

  CustomerStream(CustomerStreams streams, CustomerId owner, int ownerHash, int number) {
    this.streams = streams;
    this.arena = streams.arena();
    String id = owner.value();
    this.ownerHash = ownerHash;
    this.number = number;
    byte[] start = new byte[1 + id.length()];
    start[0] = (byte) id.length();
    for (int i = 0; i < id.length(); i++) {
      start[1 + i] = (byte) id.charAt(i);
    }
    this.head = start;
  }

  /** A hash of the owner's id, for the table of streams by owner. */
  int ownerHash() {
    return ownerHash;
  }

  synchronized CustomerId owner() {
    byte[] current = head;
    return CustomerId.of(new String(current, 1, ownerEnd(current) - 1, StandardCharsets.ISO_8859_1));
  }

  /**
   * Whether {@code owner} owns this stream. Needs no lock: the owner's id never changes and every head that holds it
   * is complete before it is published. A stream seen before its construction is visible counts as not owned, so
   * that a caller without a lock looks again under one.
   */
  boolean isOwnedBy(CustomerId owner) {
    byte[] current = head;
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
   * Reads, without the lock, what an append reads: the head with the identifier definitions, and their use counts. Changes nothing;
   * returns a value derived from them so that the reads are not optimised away.
   */
  int touch() {
    byte[] current = head;
    return current == null ? 0 : current[0] + current[current.length - 1] + uses.length;
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
      Identifier identifier = identifiers.get(i);
      int number = definitionNumber(identifier, codec);
      if (number < 0) {
        codec.writeIdentifier(identifier, out);
        number = define(out.bytes(), bodyEnd, out.position() - bodyEnd);
        out.truncate(bodyEnd);
      }
      numbers[i] = number;
    }
    for (int i = 0; i < count; i++) {
      uses[numbers[i]]++;
    }
    out.writeVarint(count);
    for (int i = 0; i < count; i++) {
      out.writeVarint(numbers[i]);
    }
    appendEntry(out.bytes(), out.position());
  }

  /** Appends an entry {@code out} holds as is (a tombstone written by {@link EventCodec#writeTombstone}). */
  synchronized void appendTombstone(EventWriter out) {
    appendEntry(out.bytes(), out.position());
  }

  /** Whether an event (or the tombstone of one) with {@code eventId} is in this stream. */
  synchronized boolean holds(String eventId, TextDictionary dictionary) {
    if (pathIsValid()) {
      return find(eventId, dictionary) >= 0;
    }
    for (long at = last; at != EventArena.NONE; at = previous(at)) {
      if (idEquals(at, eventId, dictionary)) {
        return true;
      }
    }
    return false;
  }

  /** The event {@code eventId} as this stream holds it (only its id if it was erased); null if it is not here. */
  synchronized @Nullable Moved read(String eventId, EventCodec codec) {
    int index = locate(eventId, codec.dictionary());
    if (index < 0) {
      return null;
    }
    long at = path[index];
    byte[] page = arena.page(at);
    int start = entryStart(page, EventArena.offset(at));
    return EventCodec.kindAt(page, start) == EventCodec.TOMBSTONE
        ? new Moved(eventId, null)
        : new Moved(eventId, codec.readEvent(new EventReader(page, start, codec.dictionary()), definitions(codec)));
  }

  /**
   * Takes the event {@code eventId} out of the stream: zeroes its bytes, links its neighbours and drops the definitions
   * of {@code identifiers} (the event's, as {@link #read} gave them) that no other event here refers to, so that none
   * of its personal data stays behind. Returns whether it was here.
   */
  synchronized boolean remove(String eventId, List<Identifier> identifiers, EventCodec codec) {
    int index = locate(eventId, codec.dictionary());
    if (index < 0) {
      return false;
    }
    long[] addresses = path;
    long at = addresses[index];
    byte[] page = arena.page(at);
    int offset = EventArena.offset(at);
    int start = entryStart(page, offset);
    int end = start + lengthAt(page, offset + EventArena.ADDRESS_BYTES);
    // an erasure since the read left a tombstone, which refers to no definition
    boolean erased = EventCodec.kindAt(page, start) == EventCodec.TOMBSTONE;
    long before = previous(at);
    if (index == 0) {
      last = before;
    } else {
      long newer = addresses[index - 1];
      EventArena.writeAddress(arena.page(newer), EventArena.offset(newer), before);
    }
    Arrays.fill(page, offset, end, (byte) 0);
    System.arraycopy(addresses, index + 1, addresses, index, pathSize - index - 1);
    pathSize--;
    entries--;
    entryBytes -= end - offset;
    if (entries == 0) {
      head = Arrays.copyOf(head, ownerEnd(head));
      uses = NO_USES;
      path = null;
    } else if (!erased) {
      for (Identifier identifier : identifiers) {
        release(definitionNumber(identifier, codec));
      }
    }
    return true;
  }

  /** The events in append order (erased ones left out), decoded outside the lock from a copy. */
  List<CustomerEvent> events(EventCodec codec) {
    byte[] copy;
    int start;
    int count;
    synchronized (this) {
      if (entries == 0) {
        return new ArrayList<>(0);
      }
      // the head, then the entries oldest first without their addresses
      byte[] current = head;
      start = current.length;
      count = entries;
      copy = Arrays.copyOf(current, start + entryBytes - entries * EventArena.ADDRESS_BYTES);
      int p = copy.length;
      for (long at = last; at != EventArena.NONE; at = previous(at)) {
        byte[] page = arena.page(at);
        int from = EventArena.offset(at) + EventArena.ADDRESS_BYTES;
        int length = entryStart(page, EventArena.offset(at)) + lengthAt(page, from) - from;
        p -= length;
        System.arraycopy(page, from, copy, p, length);
      }
    }
    List<Identifier> definitions = readDefinitions(copy, ownerEnd(copy), start, codec);
    List<CustomerEvent> events = new ArrayList<>(count);
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
    for (long at = last; at != EventArena.NONE; at = previous(at)) {
      byte[] page = arena.page(at);
      int offset = EventArena.offset(at);
      int start = entryStart(page, offset);
      int end = start + lengthAt(page, offset + EventArena.ADDRESS_BYTES);
      if (EventCodec.kindAt(page, start) != EventCodec.TOMBSTONE) {
        erased++;
        page[start] = EventCodec.TOMBSTONE;
        // the id follows the tag byte and is self-delimiting: measure it by skipping it
        Arrays.fill(page, idEnd(page, start + 1), end, (byte) 0);
      }
    }
    head = Arrays.copyOf(head, ownerEnd(head));
    uses = NO_USES;
    return erased;
  }

  /** A copy of the head: the owner's id and the identifier definitions (for tests and diagnostics). */
  synchronized byte[] head() {
    return head.clone();
  }

  /** How many bytes the stream holds (for tests and diagnostics). */
  synchronized int size() {
    return head.length + entryBytes;
  }

  private boolean pathIsValid() {
    return path != null && pathSize == entries && (entries == 0 || path[0] == last);
  }

  /** The index in the path of {@code eventId}'s entry, the path walked anew if it is not valid; -1 if none. */
  private int locate(String eventId, TextDictionary dictionary) {
    if (!pathIsValid()) {
      long[] addresses = new long[entries];
      int i = 0;
      for (long at = last; at != EventArena.NONE; at = previous(at)) {
        addresses[i++] = at;
      }
      path = addresses;
      pathSize = entries;
    }
    return find(eventId, dictionary);
  }

  /** The index in the valid path of {@code eventId}'s entry, looking from the oldest; -1 if none. */
  private int find(String eventId, TextDictionary dictionary) {
    long[] addresses = path;
    for (int i = pathSize - 1; i >= 0; i--) {
      if (idEquals(addresses[i], eventId, dictionary)) {
        return i;
      }
    }
    return -1;
  }

  private long previous(long address) {
    return EventArena.readAddress(arena.page(address), EventArena.offset(address));
  }

  private boolean idEquals(long address, String eventId, TextDictionary dictionary) {
    byte[] page = arena.page(address);
    EventReader in = new EventReader(page, entryStart(page, EventArena.offset(address)) + 1, dictionary);
    return in.eventIdEquals(eventId);
  }

  /** Where the event of the entry at {@code offset} starts: after its address and its length. */
  private static int entryStart(byte[] page, int offset) {
    int lengthAt = offset + EventArena.ADDRESS_BYTES;
    return lengthAt + EventWriter.varintLength(lengthAt(page, lengthAt));
  }

  private static int idEnd(byte[] bytes, int idStart) {
    EventReader in = new EventReader(bytes, idStart, TextDictionary.NONE);
    long header = in.readVarint();
    if ((header & 1) != 0) {
      in.readVarint();
      return in.position();
    }
    return in.position() + Math.toIntExact((header >>> 1) - 1);
  }

  /** The number of the definition of {@code identifier} in the head, compared without encoding it; -1 if none. */
  private int definitionNumber(Identifier identifier, EventCodec codec) {
    byte[] current = head;
    EventReader in = new EventReader(current, 0, codec.dictionary());
    int n = 0;
    for (int p = ownerEnd(current); p < current.length; n++) {
      int entryLength = lengthAt(current, p);
      int entryStart = p + EventWriter.varintLength(entryLength);
      in.seek(entryStart);
      if (codec.identifierEquals(in, identifier)) {
        return n;
      }
      p = entryStart + entryLength;
    }
    return -1;
  }

  /**
   * Adds the definition {@code definition} holds at {@code offset} at the end of the head, which is replaced whole so
   * that readers without the lock see it complete; returns its number.
   */
  private int define(byte[] definition, int offset, int definitionLength) {
    byte[] current = head;
    int n = 0;
    for (int p = ownerEnd(current); p < current.length; n++) {
      int entryLength = lengthAt(current, p);
      p += EventWriter.varintLength(entryLength) + entryLength;
    }
    byte[] grown = Arrays.copyOf(current, current.length + EventWriter.varintLength(definitionLength) + definitionLength);
    int p = writeLength(grown, current.length, definitionLength);
    System.arraycopy(definition, offset, grown, p, definitionLength);
    head = grown;
    uses = Arrays.copyOf(uses, n + 1);
    return n;
  }

  /**
   * One event fewer refers to definition {@code number}; when none does, its bytes are overwritten (the head is
   * replaced whole) with a mark that no identifier matches, so that the numbers of the others stay as they are.
   */
  private void release(int number) {
    if (number < 0 || --uses[number] > 0) {
      return;
    }
    byte[] current = head;
    int p = ownerEnd(current);
    for (int n = 0; n < number; n++) {
      int entryLength = lengthAt(current, p);
      p += EventWriter.varintLength(entryLength) + entryLength;
    }
    int entryLength = lengthAt(current, p);
    int entryStart = p + EventWriter.varintLength(entryLength);
    byte[] retired = current.clone();
    Arrays.fill(retired, entryStart, entryStart + entryLength, (byte) 0);
    retired[entryStart] = RETIRED;
    head = retired;
  }

  private static List<Identifier> readDefinitions(byte[] bytes, int start, int end, EventCodec codec) {
    List<Identifier> definitions = new ArrayList<>(2);
    EventReader in = new EventReader(bytes, start, codec.dictionary());
    for (int p = start; p < end; ) {
      int entryLength = lengthAt(bytes, p);
      int entryStart = p + EventWriter.varintLength(entryLength);
      in.seek(entryStart);
      // a retired definition keeps its number; no event refers to it
      definitions.add(bytes[entryStart] == RETIRED ? null : codec.readIdentifier(in));
      p = entryStart + entryLength;
    }
    return definitions;
  }

  private List<Identifier> definitions(EventCodec codec) {
    byte[] current = head;
    return readDefinitions(current, ownerEnd(current), current.length, codec);
  }

  private void appendEntry(byte[] entry, int entryLength) {
    int size = EventArena.ADDRESS_BYTES + EventWriter.varintLength(entryLength) + entryLength;
    long address = arena.reserve(size);
    byte[] page = arena.page(address);
    int p = EventArena.offset(address);
    EventArena.writeAddress(page, p, last);
    p = writeLength(page, p + EventArena.ADDRESS_BYTES, entryLength);
    System.arraycopy(entry, 0, page, p, entryLength);
    last = address;
    entries++;
    entryBytes += size;
    path = null;
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
