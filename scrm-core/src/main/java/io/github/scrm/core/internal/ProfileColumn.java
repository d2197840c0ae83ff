package io.github.scrm.core.internal;

import io.github.scrm.core.profile.CustomerProfile;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The stored profile of every customer of a {@link CustomerTable}, by the number the table gave the customer, in
 * chunked arrays. A new profile is stored at every event that changes more than the slot's buffer holds (and when a
 * read folds the buffer in); kept in dense arrays, those references from long-lived memory to new objects fill few
 * cards of the heap (128 profiles to a card), which keeps the young collections that must scan them short. Scattered
 * over the customers' slot objects, they filled one card per customer.
 *
 * <p>Reads are acquire, writes release. Writers of one number are serialised by the caller (the slot's monitor).
 */
final class ProfileColumn {

  private static final int CHUNK_BITS = 12;
  private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
  private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(CustomerProfile[].class);

  // grown under this object's lock; volatile so that a reader of a handed-out number sees its chunk
  private volatile CustomerProfile[][] chunks = new CustomerProfile[16][];
  private int count;

  /** A new number with no profile. */
  synchronized int allocate() {
    if (count == Integer.MAX_VALUE) {
      throw new IllegalStateException("a customer table holds at most " + Integer.MAX_VALUE + " customers");
    }
    int number = count++;
    int chunk = number >>> CHUNK_BITS;
    CustomerProfile[][] current = chunks;
    if (chunk == current.length) {
      current = Arrays.copyOf(current, current.length * 2);
    }
    if (current[chunk] == null) {
      current[chunk] = new CustomerProfile[CHUNK_SIZE];
    }
    chunks = current;
    return number;
  }

  @Nullable CustomerProfile get(int number) {
    return (CustomerProfile) ELEMENT.getAcquire(chunks[number >>> CHUNK_BITS], number & (CHUNK_SIZE - 1));
  }

  void set(int number, @Nullable CustomerProfile profile) {
    ELEMENT.setRelease(chunks[number >>> CHUNK_BITS], number & (CHUNK_SIZE - 1), profile);
  }
}
