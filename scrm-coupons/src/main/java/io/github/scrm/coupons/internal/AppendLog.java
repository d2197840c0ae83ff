package io.github.scrm.coupons.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An append-only, thread-safe sequence in insertion order, stored in chunks that double in size. Unlike a linked
 * queue it allocates no node per element, which matters for the ledger and code lists that grow with every issue:
 * fewer long-lived objects make each young collection cheaper. Appends and reads take a short lock on the log.
 *
 * @param <T> the element type
 */
final class AppendLog<T> {
  private static final int FIRST = 8;
  private static final int MAX_CHUNK = 1 << 16;

  private final List<Object[]> chunks = new ArrayList<>(4);
  private Object[] tail;
  private int tailSize;
  private long size;

  AppendLog() {
    tail = new Object[FIRST];
    chunks.add(tail);
  }

  synchronized void add(T element) {
    if (tailSize == tail.length) {
      tail = new Object[Math.min(MAX_CHUNK, tail.length * 2)];
      chunks.add(tail);
      tailSize = 0;
    }
    tail[tailSize++] = element;
    size++;
  }

  synchronized long size() {
    return size;
  }

  /** A copy of the elements in insertion order. */
  synchronized List<T> snapshot() {
    List<T> out = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, size));
    forEachLocked(out::add);
    return out;
  }

  @SuppressWarnings("unchecked")
  private void forEachLocked(Consumer<? super T> action) {
    int last = chunks.size() - 1;
    for (int i = 0; i <= last; i++) {
      Object[] chunk = chunks.get(i);
      int n = i == last ? tailSize : chunk.length;
      for (int j = 0; j < n; j++) {
        action.accept((T) chunk[j]);
      }
    }
  }
}
