package io.github.scrm.core.internal;

/**
 * Which customer stream holds each event id: a primitive open-addressing hash table from a 64-bit fingerprint of the
 * id to the stream's number, in {@value #SEGMENTS} segments that each have their own lock and grow on their own.
 * Many small segments keep every array well below the size the G1 collector treats as humongous, which
 * would waste the rest of its region, and keep threads from contending.
 *
 * <p>A slot is one {@code long}: the fingerprint's high 32 bits above the stream number (never 0, so 0 is an empty
 * slot). The low bits of the fingerprint choose the segment; the stored high bits choose the slot, so a segment can
 * grow without the ids. The fingerprint is only a filter: {@link Segment#find} confirms every match by asking the
 * stream whether it holds the id, and keeps probing past a match that it does not, so the answer is exact even when
 * two ids share a fingerprint. Entries are never removed: an erased event's id stays, as the log promises.
 *
 * <p>Callers hold a segment's monitor ({@code synchronized (segment)}) around every call on it.
 */
final class FingerprintTable {

  static final int SEGMENTS = 1024;
  private static final int INITIAL_CAPACITY = 16;
  private static final long[] EMPTY = new long[0];

  /** Confirms a fingerprint match: whether stream {@code number} holds {@code eventId}. */
  @FunctionalInterface
  interface Holder {
    boolean holds(int number, String eventId);
  }

  private final Segment[] segments = new Segment[SEGMENTS];

  FingerprintTable() {
    for (int i = 0; i < SEGMENTS; i++) {
      segments[i] = new Segment();
    }
  }

  /** The segment of {@code fingerprint}; lock it before using it. */
  Segment segment(long fingerprint) {
    return segments[(int) fingerprint & (SEGMENTS - 1)];
  }

  /** How many ids the table holds. */
  long size() {
    long size = 0;
    for (Segment segment : segments) {
      synchronized (segment) {
        size += segment.size;
      }
    }
    return size;
  }

  /** One lock's share of the table. */
  static final class Segment {

    private long[] slots = EMPTY;
    private int size;

    /** The slot of {@code eventId}, or -1 if it is not in the table. */
    int find(long fingerprint, String eventId, Holder holder) {
      if (size == 0) {
        return -1;
      }
      int tag = (int) (fingerprint >>> 32);
      int mask = slots.length - 1;
      for (int i = home(tag, mask); ; i = (i + 1) & mask) {
        long slot = slots[i];
        if (slot == 0) {
          return -1;
        }
        if ((int) (slot >>> 32) == tag && holder.holds((int) slot, eventId)) {
          return i;
        }
      }
    }

    /**
     * The first slot {@link #find} reads for {@code fingerprint}, read without the monitor: a hint that warms the cache,
     * never an answer (the array may be replaced meanwhile).
     */
    long touch(long fingerprint) {
      long[] current = slots;
      return current.length == 0 ? 0 : current[home((int) (fingerprint >>> 32), current.length - 1)];
    }

    /** The stream number in {@code slot}. */
    int number(int slot) {
      return (int) slots[slot];
    }

    /** Points {@code slot} at another stream. */
    void renumber(int slot, int number) {
      slots[slot] = (slots[slot] & 0xFFFF_FFFF_0000_0000L) | (number & 0xFFFF_FFFFL);
    }

    /** Adds an id known not to be in the table. */
    void add(long fingerprint, int number) {
      if (size + 1 > slots.length - (slots.length >> 2)) {
        grow();
      }
      place(slots, (fingerprint & 0xFFFF_FFFF_0000_0000L) | (number & 0xFFFF_FFFFL));
      size++;
    }

    private void grow() {
      long[] grown = new long[Math.max(INITIAL_CAPACITY, slots.length * 2)];
      for (long slot : slots) {
        if (slot != 0) {
          place(grown, slot);
        }
      }
      slots = grown;
    }

    private static void place(long[] table, long slot) {
      int mask = table.length - 1;
      int i = home((int) (slot >>> 32), mask);
      while (table[i] != 0) {
        i = (i + 1) & mask;
      }
      table[i] = slot;
    }

    private static int home(int tag, int mask) {
      return (tag ^ (tag >>> 16)) & mask;
    }

    @Override
    public String toString() {
      return "Segment[" + size + " of " + slots.length + "]";
    }
  }

  @Override
  public String toString() {
    return "FingerprintTable[" + size() + " ids]";
  }

  /**
   * The default fingerprint: FNV-1a over pairs of UTF-16 units (half the multiplications of one unit at a time), then
   * the murmur3 finaliser to spread every bit.
   */
  static long fingerprint(String key) {
    int length = key.length();
    long h = 0xCBF2_9CE4_8422_2325L ^ length;
    int i = 0;
    for (; i + 1 < length; i += 2) {
      h = (h ^ (key.charAt(i) | (long) key.charAt(i + 1) << 16)) * 0x0000_0100_0000_01B3L;
    }
    if (i < length) {
      h = (h ^ key.charAt(i)) * 0x0000_0100_0000_01B3L;
    }
    h ^= h >>> 33;
    h *= 0xFF51_AFD7_ED55_8CCDL;
    h ^= h >>> 33;
    h *= 0xC4CE_B9FE_1A85_EC53L;
    return h ^ (h >>> 33);
  }
}
