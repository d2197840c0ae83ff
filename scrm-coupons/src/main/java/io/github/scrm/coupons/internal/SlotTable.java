package io.github.scrm.coupons.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Objects;

/**
 * A concurrent map from string keys to compare-and-set slots, shaped for the garbage collector. Keys are never
 * removed; a slot whose value is {@code null} stands for "no value", so callers can free and reuse a key.
 *
 * <p>Why not a {@code ConcurrentHashMap<String, AtomicReference<V>>}: every insert there writes a reference to a new
 * node into a large, long-lived bucket array at a random position, and every value change writes a new value into a
 * long-lived holder. Each such old-to-young reference dirties a card that the next young collection must scan, and
 * the node and holder are two more long-lived objects per key to copy. Here the hash table holds only primitives
 * ({@code int}s of a hash tag and a slot number), which the collector never scans; keys and values live in chunks
 * that are filled in order, so new references land next to each other, in chunks that are often still young.
 *
 * <p>The table is split into {@value #SEGMENTS} segments by hash. Inserts take their segment's lock (a few
 * instructions unless the segment grows); reads and compare-and-set on a slot take no lock. A slot is named by a
 * {@code long} handle that stays valid for the life of the table.
 *
 * @param <V> the value type
 */
final class SlotTable<V> {
  static final int SEGMENTS = 32;
  private static final int SEGMENT_SHIFT = 32 - Integer.numberOfTrailingZeros(SEGMENTS);
  /** Set in the result of {@link #putIfAbsent} when the key was already there. */
  private static final long EXISTED = 1L << 62;
  private static final VarHandle ENTRY = MethodHandles.arrayElementVarHandle(int[].class);
  /** A table entry is {@code tag << LOCAL_BITS | (local + 1)}; 0 is an empty bucket. */
  private static final int LOCAL_BITS = 24;
  private static final int MAX_LOCAL = (1 << LOCAL_BITS) - 2;
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
  private static final VarHandle LINK = MethodHandles.arrayElementVarHandle(long[].class);

  private final Segment[] segments = new Segment[SEGMENTS];

  /** A table sized for about {@code expected} keys, so that it does not grow below that. */
  SlotTable(int expected) {
    this(expected, false);
  }

  /**
   * As {@link #SlotTable(int)}; with {@code links}, every slot also has a {@code long} (initially 0) that can be
   * changed by compare-and-set, for lists threaded through slots without an object per element.
   */
  SlotTable(int expected, boolean links) {
    int perSegment = Math.max(8, expected / SEGMENTS + 1);
    for (int i = 0; i < SEGMENTS; i++) {
      segments[i] = new Segment(perSegment, links);
    }
  }

  /** The handle of {@code key}'s slot, or -1 when the key was never put. */
  long find(String key) {
    int h = mix(key.hashCode());
    int s = h >>> SEGMENT_SHIFT;
    int local = segments[s].find(key, h);
    return local < 0 ? -1 : handle(s, local);
  }

  /** The value for {@code key}, or {@code null} when it has none. */
  V get(String key) {
    long h = find(key);
    return h < 0 ? null : value(h);
  }

  /**
   * Puts {@code key} with {@code value} if the key is new and returns the new slot's handle; otherwise leaves it and
   * returns the existing slot's handle marked so that {@link #existed} is true. Strip the mark with {@link #slot}.
   */
  long putIfAbsent(String key, V value) {
    Objects.requireNonNull(key, "key");
    int h = mix(key.hashCode());
    int s = h >>> SEGMENT_SHIFT;
    int local = segments[s].putIfAbsent(key, h, value);
    return local < 0 ? handle(s, ~local) | EXISTED : handle(s, local);
  }

  /** Whether a {@link #putIfAbsent} result names a slot that was already there. */
  static boolean existed(long result) {
    return (result & EXISTED) != 0;
  }

  /** The handle in a {@link #putIfAbsent} result. */
  static long slot(long result) {
    return result & ~EXISTED;
  }

  /** The current value of a slot, {@code null} for none. */
  @SuppressWarnings("unchecked")
  V value(long handle) {
    Segment seg = segments[(int) (handle >>> 32)];
    int local = (int) handle;
    return (V) SLOT.getAcquire(seg.chunk(seg.values, local), AppendLog.offset(local));
  }

  /** Sets the slot to {@code next} only if it holds {@code expected} (by identity). */
  boolean compareAndSet(long handle, V expected, V next) {
    Segment seg = segments[(int) (handle >>> 32)];
    int local = (int) handle;
    return SLOT.compareAndSet(seg.chunk(seg.values, local), AppendLog.offset(local), expected, next);
  }

  /** Sets the slot to {@code next}. */
  void set(long handle, V next) {
    Segment seg = segments[(int) (handle >>> 32)];
    int local = (int) handle;
    SLOT.setVolatile(seg.chunk(seg.values, local), AppendLog.offset(local), next);
  }

  /** The slot's link, 0 until set; only for a table made with links. */
  long link(long handle) {
    Segment seg = segments[(int) (handle >>> 32)];
    int local = (int) handle;
    return (long) LINK.getAcquire(seg.links[AppendLog.chunkIndex(local)], AppendLog.offset(local));
  }

  /** Sets the slot's link to {@code next} only if it is {@code expected}. */
  boolean compareAndSetLink(long handle, long expected, long next) {
    Segment seg = segments[(int) (handle >>> 32)];
    int local = (int) handle;
    return LINK.compareAndSet(seg.links[AppendLog.chunkIndex(local)], AppendLog.offset(local), expected, next);
  }

  /** Sets the slot's link. */
  void setLink(long handle, long next) {
    Segment seg = segments[(int) (handle >>> 32)];
    int local = (int) handle;
    LINK.setVolatile(seg.links[AppendLog.chunkIndex(local)], AppendLog.offset(local), next);
  }

  private static long handle(int segment, int local) {
    return ((long) segment << 32) | local;
  }

  /** Spreads the string hash so that both the segment (high bits) and the bucket (low bits) are well mixed. */
  static int mix(int h) {
    // the finalizer of MurmurHash3
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    return h ^ (h >>> 16);
  }

  /** Eight hash bits that neither the segment nor (below 2^19 buckets) the bucket is taken from. */
  private static int tag(int h) {
    return (h >>> 19) & 0xFF;
  }

  /**
   * One segment: an open-addressing table of {@code tag << 24 | (local + 1)} entries with linear probing, at most
   * three quarters full (sixteen entries share a cache line, so a few more probes cost little next to a table twice
   * the size), and keys and values in chunks numbered like {@link AppendLog}'s (8, 16, 32 ... slots), which never
   * move once created. The tag spares most key comparisons on a probe.
   * Writers hold the segment's lock; readers rely on the order of publication: the key and value are stored, then
   * the chunk directories, then the table entry, each with release semantics.
   */
  private static final class Segment {
    private volatile int[] table;
    private volatile Object[][] keys = new Object[4][];
    private volatile Object[][] values = new Object[4][];
    /** Null unless the table has links. */
    private volatile long[][] links;
    private int size;

    Segment(int expected, boolean withLinks) {
      table = new int[Integer.highestOneBit(Math.max(16, (int) (expected * 4L / 3) - 1)) << 1];
      links = withLinks ? new long[4][] : null;
    }

    int find(String key, int h) {
      int[] t = table;
      int mask = t.length - 1;
      int tag = tag(h);
      for (int i = h & mask; ; i = (i + 1) & mask) {
        int e = (int) ENTRY.getAcquire(t, i);
        if (e == 0) {
          return -1;
        }
        if (e >>> LOCAL_BITS == tag) {
          int local = (e & ((1 << LOCAL_BITS) - 1)) - 1;
          Object k = SLOT.getAcquire(chunk(keys, local), AppendLog.offset(local));
          if (key.equals(k)) {
            return local;
          }
        }
      }
    }

    /** The new slot's number, or {@code ~number} of the existing one. */
    synchronized int putIfAbsent(String key, int h, Object value) {
      int found = find(key, h);
      if (found >= 0) {
        return ~found;
      }
      int local = size;
      if (local > MAX_LOCAL) {
        throw new IllegalStateException("an in-memory table segment holds at most " + (MAX_LOCAL + 1)
            + " keys, but key number " + (local + 1) + " was added; use a database-backed store at this size");
      }
      if ((local + 1) * 4L > table.length * 3L) {
        grow();
      }
      SLOT.setRelease(chunkForWrite(true, local), AppendLog.offset(local), key);
      SLOT.setRelease(chunkForWrite(false, local), AppendLog.offset(local), value);
      if (links != null) {
        linkChunkForWrite(local);
      }
      int[] t = table;
      int mask = t.length - 1;
      int i = h & mask;
      while (t[i] != 0) {
        i = (i + 1) & mask;
      }
      ENTRY.setRelease(t, i, tag(h) << LOCAL_BITS | (local + 1));
      size = local + 1;
      return local;
    }

    private void grow() {
      int[] old = table;
      int[] t = new int[old.length * 2];
      int mask = t.length - 1;
      Object[][] keyChunks = keys;
      for (int e : old) {
        if (e != 0) {
          int local = (e & ((1 << LOCAL_BITS) - 1)) - 1;
          Object key = keyChunks[AppendLog.chunkIndex(local)][AppendLog.offset(local)];
          int i = mix(key.hashCode()) & mask;
          while (t[i] != 0) {
            i = (i + 1) & mask;
          }
          t[i] = e;
        }
      }
      table = t;
    }

    Object[] chunk(Object[][] dir, int local) {
      return dir[AppendLog.chunkIndex(local)];
    }

    /** Makes sure the link chunk for {@code local} exists and is published; called under the lock. */
    private void linkChunkForWrite(int local) {
      int index = AppendLog.chunkIndex(local);
      long[][] dir = links;
      if (index < dir.length && dir[index] != null) {
        return;
      }
      dir = index >= dir.length ? Arrays.copyOf(dir, Math.max(index + 1, dir.length * 2)) : dir.clone();
      dir[index] = new long[AppendLog.chunkSize(index)];
      links = dir;
    }

    /** The chunk for {@code local}, created and published first if needed; called under the lock. */
    private Object[] chunkForWrite(boolean forKeys, int local) {
      int index = AppendLog.chunkIndex(local);
      Object[][] dir = forKeys ? keys : values;
      if (index < dir.length && dir[index] != null) {
        return dir[index];
      }
      if (index >= dir.length) {
        dir = Arrays.copyOf(dir, Math.max(index + 1, dir.length * 2));
      } else {
        dir = dir.clone();
      }
      Object[] chunk = new Object[AppendLog.chunkSize(index)];
      dir[index] = chunk;
      if (forKeys) {
        keys = dir;
      } else {
        values = dir;
      }
      return chunk;
    }
  }
}
