package io.github.scrm.core.internal;

import io.github.scrm.core.customer.CustomerId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The customer streams of a log, by owner and by number. By owner is an open-addressing table of the streams
 * themselves in {@value #SEGMENTS} segments with their own locks; a probe compares the hash each stream keeps of its
 * owner before it compares the ids, so finding a customer's stream touches little more than the stream. Numbers start
 * at 1 and are never reused; the number-to-stream array is chunked so that it grows without copying the streams.
 *
 * <p>{@link #byNumber} is only called with a number read from a {@link FingerprintTable} under its segment lock; the
 * stream was registered before its number was put there, and the locks carry that write to the reader.
 */
final class CustomerStreams {

  private static final int CHUNK_BITS = 12;
  private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
  private static final int SEGMENTS = 1024;

  private final ToLongFunction<String> fingerprint;
  private final OwnerSegment[] owners = new OwnerSegment[SEGMENTS];
  // Written under this object's lock; volatile so that a reader sees a grown array with every chunk in it.
  private volatile CustomerStream[][] chunks = new CustomerStream[16][];
  private final EventArena arena = new EventArena();
  private int count;

  CustomerStreams(ToLongFunction<String> fingerprint) {
    this.fingerprint = fingerprint;
    for (int i = 0; i < SEGMENTS; i++) {
      owners[i] = new OwnerSegment();
    }
  }

  /** The stream of {@code owner}, created if it has none. */
  CustomerStream of(CustomerId owner) {
    long print = fingerprint.applyAsLong(owner.value());
    CustomerStream stream = find(owner, print);
    if (stream != null) {
      return stream;
    }
    OwnerSegment segment = owners[(int) print & (SEGMENTS - 1)];
    synchronized (segment) {
      stream = segment.find((int) (print >>> 32), owner);
      if (stream == null) {
        stream = register(owner, (int) (print >>> 32));
        segment.add(stream);
      }
      return stream;
    }
  }

  /** The stream of {@code owner}, if it has one. */
  @Nullable CustomerStream find(CustomerId owner) {
    return find(owner, fingerprint.applyAsLong(owner.value()));
  }

  /** Most calls find an existing stream: try without the lock first, and settle a miss under it. */
  private @Nullable CustomerStream find(CustomerId owner, long print) {
    OwnerSegment segment = owners[(int) print & (SEGMENTS - 1)];
    int hash = (int) (print >>> 32);
    CustomerStream stream = segment.find(hash, owner);
    if (stream != null) {
      return stream;
    }
    synchronized (segment) {
      return segment.find(hash, owner);
    }
  }

  /** Where the streams' events live. */
  EventArena arena() {
    return arena;
  }

  CustomerStream byNumber(int number) {
    return chunks[number >>> CHUNK_BITS][number & (CHUNK_SIZE - 1)];
  }

  /** Every stream registered so far, in registration order. */
  List<CustomerStream> all() {
    CustomerStream[][] current;
    int last;
    synchronized (this) {
      current = chunks;
      last = count;
    }
    List<CustomerStream> all = new ArrayList<>(last);
    for (int number = 1; number <= last; number++) {
      all.add(current[number >>> CHUNK_BITS][number & (CHUNK_SIZE - 1)]);
    }
    return all;
  }

  synchronized int size() {
    return count;
  }

  private synchronized CustomerStream register(CustomerId owner, int ownerHash) {
    if (count == Integer.MAX_VALUE - 1) {
      throw new IllegalStateException("the in-memory event log holds at most " + count + " customers");
    }
    int number = ++count;
    CustomerStream[][] current = chunks;
    int chunk = number >>> CHUNK_BITS;
    if (chunk == current.length) {
      current = Arrays.copyOf(current, current.length * 2);
    }
    if (current[chunk] == null) {
      current[chunk] = new CustomerStream[CHUNK_SIZE];
    }
    CustomerStream stream = new CustomerStream(this, owner, ownerHash, number);
    current[chunk][number & (CHUNK_SIZE - 1)] = stream;
    chunks = current;
    return stream;
  }

  @Override
  public String toString() {
    return "CustomerStreams[" + size() + " customers]";
  }

  /**
   * One lock's share of the streams by owner. {@link #add} needs the monitor; {@link #find} does not, and may then miss
   * a stream being added, never find a wrong one: a grown array is published complete through a volatile field, and a
   * stream whose owner it cannot see yet does not match.
   */
  private static final class OwnerSegment {

    private static final CustomerStream[] EMPTY = new CustomerStream[0];

    private volatile CustomerStream[] slots = EMPTY;
    private int size;

    @Nullable CustomerStream find(int hash, CustomerId owner) {
      CustomerStream[] table = slots;
      if (table.length == 0) {
        return null;
      }
      int mask = table.length - 1;
      for (int i = home(hash, mask); ; i = (i + 1) & mask) {
        CustomerStream stream = table[i];
        if (stream == null) {
          return null;
        }
        if (stream.ownerHash() == hash && stream.isOwnedBy(owner)) {
          return stream;
        }
      }
    }

    void add(CustomerStream stream) {
      CustomerStream[] table = slots;
      if (size + 1 > table.length - (table.length >> 2)) {
        CustomerStream[] grown = new CustomerStream[Math.max(16, table.length * 2)];
        for (CustomerStream s : table) {
          if (s != null) {
            place(grown, s);
          }
        }
        slots = grown;
        table = grown;
      }
      place(table, stream);
      size++;
    }

    private static void place(CustomerStream[] table, CustomerStream stream) {
      int mask = table.length - 1;
      int i = home(stream.ownerHash(), mask);
      while (table[i] != null) {
        i = (i + 1) & mask;
      }
      table[i] = stream;
    }

    private static int home(int hash, int mask) {
      return (hash ^ (hash >>> 16)) & mask;
    }

    @Override
    public String toString() {
      return "OwnerSegment[" + size + " of " + slots.length + "]";
    }
  }
}
