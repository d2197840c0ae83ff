package io.github.scrm.coupons.internal;

import io.github.scrm.coupons.campaign.CampaignId;
import io.github.scrm.coupons.ledger.Actor;
import io.github.scrm.coupons.ledger.LedgerEntry;
import io.github.scrm.coupons.ledger.LedgerEvent;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A campaign's ledger in the in-memory store: append-only and thread-safe like {@link AppendLog}, but kept in columns
 * rather than as one {@link LedgerEntry} per change. An entry's fields go into the slots of chunked arrays (its
 * references into an object array, the amount into a {@code long} array, the event and actor kind into an
 * {@code int}), and {@link #snapshot} builds the entries when someone reads the ledger, which reports and
 * reconciliation do, not the hot path. A claim or a redemption thus leaves no entry object and no actor object
 * behind for the young collections to copy.
 *
 * <p>An append claims its slot with one atomic increment, stores the fields, and publishes the entry with a release
 * store of its kinds; a reader waits the few instructions until a claimed slot is published.
 */
final class LedgerLog {
  /** References per entry: campaign, code, idempotency key, actor id, instant, reference. */
  private static final int REFS = 6;
  private static final LedgerEvent[] EVENTS = LedgerEvent.values();
  private static final Actor.Kind[] KINDS = Actor.Kind.values();
  private static final VarHandle KIND = MethodHandles.arrayElementVarHandle(int[].class);

  private final AtomicLong claimed = new AtomicLong();
  private volatile Chunk[] chunks = new Chunk[4];

  /** One chunk's columns. */
  private static final class Chunk {
    final Object[] refs;
    final long[] amounts;
    /** {@code 1 << 16 | actorKind << 8 | event}; 0 until the entry is published. */
    final int[] kinds;

    Chunk(int size) {
      refs = new Object[size * REFS];
      amounts = new long[size];
      kinds = new int[size];
    }
  }

  void add(LedgerEntry e) {
    long i = claimed.getAndIncrement();
    Chunk c = chunkFor(i);
    int at = AppendLog.offset(i);
    int r = at * REFS;
    c.refs[r] = e.campaign();
    c.refs[r + 1] = e.code();
    c.refs[r + 2] = e.idempotencyKey();
    c.refs[r + 3] = e.actor().id();
    c.refs[r + 4] = e.at();
    c.refs[r + 5] = e.reference();
    c.amounts[at] = e.amountFen();
    KIND.setRelease(c.kinds, at, 1 << 16 | e.actor().kind().ordinal() << 8 | e.event().ordinal());
  }

  /** The entries in append order. */
  List<LedgerEntry> snapshot() {
    long n = claimed.get();
    List<LedgerEntry> out = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, n));
    for (long i = 0; i < n; i++) {
      Chunk c = chunkFor(i);
      int at = AppendLog.offset(i);
      int kinds = (int) KIND.getAcquire(c.kinds, at);
      while (kinds == 0) {
        // the slot is claimed and its entry is being stored right now
        Thread.yield();
        kinds = (int) KIND.getAcquire(c.kinds, at);
      }
      int r = at * REFS;
      out.add(new LedgerEntry((CampaignId) c.refs[r], (String) c.refs[r + 1], EVENTS[kinds & 0xFF],
          (String) c.refs[r + 2], new Actor(KINDS[(kinds >>> 8) & 0xFF], (String) c.refs[r + 3]),
          (Instant) c.refs[r + 4], c.amounts[at], (String) c.refs[r + 5]));
    }
    return out;
  }

  private Chunk chunkFor(long i) {
    int index = AppendLog.chunkIndex(i);
    Chunk[] dir = chunks;
    if (index < dir.length) {
      Chunk c = dir[index];
      if (c != null) {
        return c;
      }
    }
    return create(index);
  }

  private synchronized Chunk create(int index) {
    Chunk[] dir = chunks;
    if (index < dir.length && dir[index] != null) {
      return dir[index];
    }
    // a new directory is published whole, so readers of the old one never see a half-made chunk
    dir = index < dir.length ? dir.clone() : Arrays.copyOf(dir, Math.max(index + 1, dir.length * 2));
    Chunk c = new Chunk(AppendLog.chunkSize(index));
    dir[index] = c;
    chunks = dir;
    return c;
  }
}
