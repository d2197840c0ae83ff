package io.github.scrm.coupons.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An append-only, thread-safe sequence in append order, stored in chunks of 8, 16, 32 ... up to 4,096 slots.
 * Unlike a linked queue it allocates no node per element, which matters for the ledger that grows with every issue:
 * fewer long-lived objects make each young collection cheaper. Chunks stay small so that a busy log fills its chunk
 * while the chunk is still young: appends into a chunk that a collection has already promoted would be old-to-young
 * references, which the collector has to track and scan.
 *
 * <p>Lock-free for appends: an append claims its slot with one atomic increment (which never retries, unlike a
 * compare-and-set loop) and publishes the element with a release store; only creating a chunk takes a lock. A reader
 * sees every append whose slot was claimed before it started, waiting the few instructions until a claimed slot is
 * filled.
 *
 * @param <T> the element type
 */
final class AppendLog<T> {
  private static final int FIRST = 8;
  /** Chunks 0..9 grow from 8 to 4,096 slots; every later chunk has 4,096. */
  private static final int GROWING = 10;
  private static final int MAX_CHUNK = FIRST << (GROWING - 1);
  private static final long GROWING_SLOTS = (long) FIRST * ((1L << GROWING) - 1);
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
  private static final VarHandle CHUNK = MethodHandles.arrayElementVarHandle(Object[][].class);

  private final AtomicLong claimed = new AtomicLong();
  private volatile Object[][] chunks = new Object[2][];

  void add(T element) {
    Objects.requireNonNull(element, "element");
    long i = claimed.getAndIncrement();
    SLOT.setRelease(chunkFor(i), offset(i), element);
  }

  /** A copy of the elements in append order. */
  @SuppressWarnings("unchecked")
  List<T> snapshot() {
    long n = claimed.get();
    List<T> out = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, n));
    for (long i = 0; i < n; i++) {
      Object[] chunk = chunkFor(i);
      int at = offset(i);
      Object e = SLOT.getAcquire(chunk, at);
      while (e == null) {
        // the slot is claimed and its element is being stored right now
        Thread.yield();
        e = SLOT.getAcquire(chunk, at);
      }
      out.add((T) e);
    }
    return out;
  }

  private Object[] chunkFor(long i) {
    int index = chunkIndex(i);
    Object[][] dir = chunks;
    if (index < dir.length) {
      Object[] chunk = (Object[]) CHUNK.getAcquire(dir, index);
      if (chunk != null) {
        return chunk;
      }
    }
    return create(index);
  }

  private synchronized Object[] create(int index) {
    Object[][] dir = chunks;
    if (index >= dir.length) {
      dir = Arrays.copyOf(dir, Math.max(index + 1, dir.length * 2));
      chunks = dir;
    }
    Object[] chunk = dir[index];
    if (chunk == null) {
      chunk = new Object[chunkSize(index)];
      CHUNK.setRelease(dir, index, chunk);
    }
    return chunk;
  }

  /** The number of slots of chunk {@code index}. */
  static int chunkSize(int index) {
    return index < GROWING ? FIRST << index : MAX_CHUNK;
  }

  static int chunkIndex(long i) {
    if (i < GROWING_SLOTS) {
      return 63 - Long.numberOfLeadingZeros(i / FIRST + 1);
    }
    return (int) (GROWING + (i - GROWING_SLOTS) / MAX_CHUNK);
  }

  static int offset(long i) {
    if (i < GROWING_SLOTS) {
      int k = chunkIndex(i);
      return (int) (i - FIRST * ((1L << k) - 1));
    }
    return (int) ((i - GROWING_SLOTS) % MAX_CHUNK);
  }
}
