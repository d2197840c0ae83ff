package io.github.scrm.core.internal;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.spi.EventLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link EventLog}, compact so that millions of customers' histories stay small and cheap for the garbage
 * collector. The events live encoded in large shared pages ({@link EventArena}, {@link EventCodec}), each customer's
 * linked from newest to oldest ({@link CustomerStream}); texts that repeat across customers are numbered once
 * ({@link TextDictionary}); the event ids are found through a table of fingerprints ({@link FingerprintTable}), the
 * customers through a table of their streams ({@link CustomerStreams}). An event moved to another customer or erased
 * leaves zeroed bytes behind: the log's memory grows by what merges move, and is never given back while it lives.
 *
 * <p>Locking: the segment of an event id's fingerprint is locked around everything that reads or changes that id's
 * entry ({@link #append}, {@link #ownerOf}, {@link #reassign}), which makes append atomic per id; a customer's stream
 * is locked while its bytes change or are copied. A read-write lock orders moves and walks: each {@link #reassign}
 * holds it shared, and {@link #forEach} holds it alone while it copies one stream, so that between two copies it knows
 * exactly which streams it has copied; a move meanwhile tells the walk what it would otherwise miss or pass twice (see
 * {@link Walk}). Locks are only ever taken in that order (moves, event-id segment, then the owners' segment when a
 * customer is added, then one stream), never two streams at once, so they cannot deadlock.
 */
public final class InMemoryEventLog implements EventLog {

  /** The last event id this thread fingerprinted: ingestion asks {@link #ownerOf} and then appends the same id. */
  private static final class LastFingerprint {
    @Nullable ToLongFunction<String> function;
    @Nullable String eventId;
    long value;
  }

  private static final ThreadLocal<LastFingerprint> LAST = ThreadLocal.withInitial(LastFingerprint::new);

  private final ToLongFunction<String> fingerprint;
  private final TextDictionary dictionary;
  private final EventCodec codec;
  private final CustomerStreams streams;
  private final FingerprintTable ids = new FingerprintTable();
  private final FingerprintTable.Holder holder;
  /** Shared by {@link #reassign}; held alone by {@link #forEach} while it copies a stream or starts and ends. */
  private final ReentrantReadWriteLock moves = new ReentrantReadWriteLock();
  /** The walks of {@link #forEach} under way; changed under the write lock of {@link #moves}. */
  private final List<Walk> walks = new CopyOnWriteArrayList<>();

  InMemoryEventLog() {
    this(FingerprintTable::fingerprint, new TextDictionary());
  }

  /** An empty log: what {@link EventLog#inMemory()} returns. */
  public static InMemoryEventLog create() {
    return new InMemoryEventLog();
  }

  /**
   * A log with another fingerprint function (of event ids and owners' ids) or dictionary; tests use a poor one to force
   * collisions.
   */
  InMemoryEventLog(ToLongFunction<String> fingerprint, TextDictionary dictionary) {
    this.fingerprint = fingerprint;
    this.streams = new CustomerStreams(fingerprint);
    this.dictionary = dictionary;
    this.codec = new EventCodec(dictionary);
    this.holder = (number, eventId) -> streams.byNumber(number).holds(eventId, dictionary);
  }

  @Override
  public boolean append(CustomerId owner, CustomerEvent event) {
    return append(owner, null, event);
  }

  /**
   * The stream of {@code owner}, created if it has none. A caller that already holds the customer (the customer
   * table's slot) keeps it and appends through {@link #append(CustomerStream, CustomerEvent)}, which skips finding the
   * stream by id.
   */
  CustomerStream streamOf(CustomerId owner) {
    return streams.of(owner);
  }

  /** Where the events' bytes live (for tests and diagnostics). */
  EventArena arena() {
    return streams.arena();
  }

  /** Whether {@code stream} was obtained from {@link #streamOf} of this log. */
  boolean owns(CustomerStream stream) {
    return stream.isIn(streams);
  }

  /**
   * Reads, without a lock, the entry of the event-id table where an id of fingerprint {@code print} would be found, so
   * that a batch can bring the entries of several events into the cache at once. Changes nothing.
   */
  long touch(long print) {
    return ids.segment(print).touch(print);
  }

  /** The fingerprint of {@code eventId}, as {@link #touch} takes it. */
  long fingerprint(String eventId) {
    return fingerprint.applyAsLong(eventId);
  }

  /** {@link #append(CustomerId, CustomerEvent)} to a stream obtained from {@link #streamOf} of this log. */
  boolean append(CustomerStream stream, CustomerEvent event) {
    return append(null, stream, event);
  }

  private boolean append(@Nullable CustomerId owner, @Nullable CustomerStream known, CustomerEvent event) {
    String eventId = event.eventId();
    EventWriter out = EventWriter.local();
    codec.writeEvent(event, out);
    long print = fingerprintOf(eventId);
    FingerprintTable.Segment segment = ids.segment(print);
    synchronized (segment) {
      if (segment.find(print, eventId, holder) >= 0) {
        return false;
      }
      CustomerStream stream = known != null ? known : streams.of(Objects.requireNonNull(owner, "owner"));
      stream.append(out, event.identifiers(), codec);
      segment.add(print, stream.number());
    }
    return true;
  }

  @Override
  public Optional<CustomerId> ownerOf(String eventId) {
    long print = fingerprintOf(eventId);
    FingerprintTable.Segment segment = ids.segment(print);
    synchronized (segment) {
      int slot = segment.find(print, eventId, holder);
      return slot < 0 ? Optional.empty() : Optional.of(streams.byNumber(segment.number(slot)).owner());
    }
  }

  @Override
  public List<CustomerEvent> eventsOf(CustomerId owner) {
    CustomerStream stream = streams.find(owner);
    return stream == null ? new ArrayList<>(0) : stream.events(codec);
  }

  @Override
  public void reassign(String eventId, CustomerId newOwner) {
    moves.readLock().lock();
    try {
      move(eventId, newOwner);
    } finally {
      moves.readLock().unlock();
    }
  }

  private void move(String eventId, CustomerId newOwner) {
    long print = fingerprintOf(eventId);
    FingerprintTable.Segment segment = ids.segment(print);
    synchronized (segment) {
      int slot = segment.find(print, eventId, holder);
      if (slot < 0) {
        throw new IllegalArgumentException("event " + eventId + " is not in the log");
      }
      CustomerStream from = streams.byNumber(segment.number(slot));
      if (from.isOwnedBy(newOwner)) {
        return;
      }
      // the target first, then a copy there, then out of the old stream: if a step fails, the event stays where it is
      CustomerStream to = streams.of(newOwner);
      CustomerStream.Moved moved = from.read(eventId, codec);
      if (moved == null) {
        throw new IllegalStateException(
            "event " + eventId + " is indexed to " + from.owner() + " but is not in its stream");
      }
      EventWriter out = EventWriter.local();
      CustomerEvent event = moved.event();
      if (event == null) {
        codec.writeTombstone(eventId, out);
        to.appendTombstone(out);
      } else {
        codec.writeEvent(event, out);
        to.append(out, event.identifiers(), codec);
      }
      from.remove(eventId, event == null ? List.of() : event.identifiers(), codec);
      segment.renumber(slot, to.number());
      for (Walk walk : walks) {
        walk.moved(eventId, event, from.number(), to.number(), newOwner);
      }
    }
  }

  @Override
  public int erase(CustomerId owner) {
    CustomerStream stream = streams.find(owner);
    return stream == null ? 0 : stream.erase();
  }

  /**
   * Passes each event recorded before the call exactly once, also when merges move it meanwhile. Events appended
   * meanwhile may be passed or not; events erased before the walk copies their stream are not (unless a move had
   * already handed them over). Moves wait only while one stream is copied, never while {@code action} runs.
   */
  @Override
  public void forEach(BiConsumer<CustomerId, CustomerEvent> action) {
    List<CustomerStream> all;
    Walk walk;
    moves.writeLock().lock();
    try {
      all = streams.all();
      walk = new Walk(all.isEmpty() ? 0 : all.get(all.size() - 1).number());
      walks.add(walk);
    } finally {
      moves.writeLock().unlock();
    }
    try {
      for (CustomerStream stream : all) {
        List<CustomerEvent> events;
        moves.writeLock().lock();
        try {
          events = stream.events(codec);
          // under the lock: a later move may add an id of this copy to the skipped ones
          if (!walk.skip.isEmpty()) {
            events.removeIf(event -> walk.skip.contains(event.eventId()));
          }
          walk.copied = stream.number();
        } finally {
          moves.writeLock().unlock();
        }
        if (!events.isEmpty()) {
          CustomerId owner = stream.owner();
          for (CustomerEvent event : events) {
            action.accept(owner, event);
          }
        }
      }
      for (Map.Entry<CustomerId, CustomerEvent> late : walk.late) {
        action.accept(late.getKey(), late.getValue());
      }
    } finally {
      moves.writeLock().lock();
      try {
        walks.remove(walk);
      } finally {
        moves.writeLock().unlock();
      }
    }
  }

  /**
   * One {@link #forEach} under way. It copies the streams in order of number, so a stream counts as copied when its
   * number is at most {@link #copied}, or above the last number the walk visits (a stream added since, which it never
   * visits). A move from a stream not copied into one copied would be missed: the walk passes the event at the end. A
   * move of an event already passed (or handed over) into a stream not copied would pass it again: the walk skips its
   * id there. Fields are read and written under the log's lock of moves (shared by moves, alone by the walk), except
   * that the walk reads {@link #late} at its end without it: once every stream is copied, every move counts as
   * handled and adds nothing there, and the walk's last copy under the lock made the earlier additions visible.
   */
  private static final class Walk {
    private final int last;
    private int copied;
    private final Set<String> skip = ConcurrentHashMap.newKeySet();
    private final Queue<Map.Entry<CustomerId, CustomerEvent>> late = new ConcurrentLinkedQueue<>();

    Walk(int last) {
      this.last = last;
    }

    void moved(String eventId, @Nullable CustomerEvent event, int from, int to, CustomerId newOwner) {
      boolean handled = isCopied(from) || skip.contains(eventId);
      if (handled) {
        if (!isCopied(to)) {
          skip.add(eventId);
        }
      } else if (isCopied(to) && event != null) {
        late.add(Map.entry(newOwner, event));
      }
    }

    private boolean isCopied(int number) {
      return number <= copied || number > last;
    }
  }

  private long fingerprintOf(String eventId) {
    LastFingerprint last = LAST.get();
    if (last.eventId == eventId && last.function == fingerprint) {
      return last.value;
    }
    long value = fingerprint.applyAsLong(eventId);
    last.function = fingerprint;
    last.eventId = eventId;
    last.value = value;
    return value;
  }

  /** Counts only: events and customers are never named. */
  @Override
  public String toString() {
    return "EventLog.inMemory[" + ids.size() + " event ids, " + streams.size() + " customers]";
  }
}
