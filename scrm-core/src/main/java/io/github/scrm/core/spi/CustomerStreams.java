package io.github.scrm.core.spi;

import io.github.scrm.core.customer.CustomerId;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The customer streams of a log, by owner and by number. Numbers start at 1 and are never reused; the number-to-stream
 * array is chunked so that it grows without copying the streams.
 *
 * <p>{@link #byNumber} is only called with a number read from the {@link EventIdTable} under its segment lock; the
 * stream was registered before its number was put there, and the lock carries that write to the reader.
 */
final class CustomerStreams {

  private static final int CHUNK_BITS = 12;
  private static final int CHUNK_SIZE = 1 << CHUNK_BITS;

  private final ConcurrentHashMap<CustomerId, CustomerStream> byOwner = new ConcurrentHashMap<>(1 << 12);
  private final Function<CustomerId, CustomerStream> register = this::register;
  private volatile CustomerStream[][] chunks = new CustomerStream[16][];
  private int count;

  /** The stream of {@code owner}, created if it has none. */
  CustomerStream of(CustomerId owner) {
    CustomerStream stream = byOwner.get(owner);
    return stream != null ? stream : byOwner.computeIfAbsent(owner, register);
  }

  @Nullable CustomerStream find(CustomerId owner) {
    return byOwner.get(owner);
  }

  CustomerStream byNumber(int number) {
    return chunks[number >>> CHUNK_BITS][number & (CHUNK_SIZE - 1)];
  }

  Collection<CustomerStream> all() {
    return byOwner.values();
  }

  int size() {
    return byOwner.size();
  }

  private synchronized CustomerStream register(CustomerId owner) {
    int number = ++count;
    if (number == Integer.MAX_VALUE) {
      throw new IllegalStateException("the in-memory event log holds at most " + Integer.MAX_VALUE + " customers");
    }
    CustomerStream stream = new CustomerStream(owner, number);
    CustomerStream[][] current = chunks;
    int chunk = number >>> CHUNK_BITS;
    if (chunk == current.length) {
      current = java.util.Arrays.copyOf(current, current.length * 2);
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
