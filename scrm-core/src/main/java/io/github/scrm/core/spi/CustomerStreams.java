package io.github.scrm.core.spi;

import io.github.scrm.core.customer.CustomerId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * The customer streams of a log, by owner (a {@link FingerprintTable} of the owners' ids) and by number. Numbers start
 * at 1 and are never reused; the number-to-stream array is chunked so that it grows without copying the streams.
 *
 * <p>{@link #byNumber} is only called with a number read from a {@link FingerprintTable} under its segment lock; the
 * stream was registered before its number was put there, and the locks carry that write to the reader.
 */
final class CustomerStreams {

  private static final int CHUNK_BITS = 12;
  private static final int CHUNK_SIZE = 1 << CHUNK_BITS;

  private final ToLongFunction<String> fingerprint;
  private final FingerprintTable owners = new FingerprintTable();
  private final FingerprintTable.Holder<CustomerId> ownerHolder = (number, owner) -> byNumber(number).isOwnedBy(owner);
  // Written under this object's lock; volatile so that a reader sees a grown array with every chunk in it.
  private volatile CustomerStream[][] chunks = new CustomerStream[16][];
  private int count;

  CustomerStreams(ToLongFunction<String> fingerprint) {
    this.fingerprint = fingerprint;
  }

  /** The stream of {@code owner}, created if it has none. */
  CustomerStream of(CustomerId owner) {
    long print = fingerprint.applyAsLong(owner.value());
    FingerprintTable.Segment segment = owners.segment(print);
    synchronized (segment) {
      int slot = segment.find(print, owner, ownerHolder);
      if (slot >= 0) {
        return byNumber(segment.number(slot));
      }
      CustomerStream stream = register(owner);
      segment.add(print, stream.number());
      return stream;
    }
  }

  /** The stream of {@code owner}, if it has one. */
  @Nullable CustomerStream find(CustomerId owner) {
    long print = fingerprint.applyAsLong(owner.value());
    FingerprintTable.Segment segment = owners.segment(print);
    synchronized (segment) {
      int slot = segment.find(print, owner, ownerHolder);
      return slot < 0 ? null : byNumber(segment.number(slot));
    }
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

  private synchronized CustomerStream register(CustomerId owner) {
    if (count == Integer.MAX_VALUE - 1) {
      throw new IllegalStateException("the in-memory event log holds at most " + count + " customers");
    }
    int number = ++count;
    CustomerStream stream = new CustomerStream(owner, number);
    CustomerStream[][] current = chunks;
    int chunk = number >>> CHUNK_BITS;
    if (chunk == current.length) {
      current = Arrays.copyOf(current, current.length * 2);
    }
    if (current[chunk] == null) {
      current[chunk] = new CustomerStream[CHUNK_SIZE];
    }
    current[chunk][number & (CHUNK_SIZE - 1)] = stream;
    chunks = current;
    return stream;
  }

  @Override
  public String toString() {
    return "CustomerStreams[" + size() + " customers]";
  }
}
