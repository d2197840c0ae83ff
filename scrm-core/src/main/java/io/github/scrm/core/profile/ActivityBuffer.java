package io.github.scrm.core.profile;

import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.Refund;
import io.github.scrm.core.event.SocialInteraction;
import io.github.scrm.core.event.StaffContact;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One customer's recent activity, held in an array of primitives until it is folded into the customer's profile: for a
 * profile store that keeps each customer's record for a long time and changes it at every event.
 *
 * <p>Applying an event with {@link CustomerProfile#with} makes a new profile, and storing it puts a reference to a new
 * object into the store's long-lived memory. Under a generational collector such as G1, every such store marks a card
 * of the old generation dirty, and at a million customers those cards cost more to track than the events cost to
 * apply. A buffer takes the commonest events (social interactions that name no new topic, community and campaign
 * activity, referral steps, refunds and staff contacts) as numbers written into an array it already has, which marks
 * nothing; {@link #drainInto} then gives the profile that applying those events one after another would have given.
 * The other kinds change what the buffer does not hold (orders, fields, identifiers, topics, influence scores): the
 * store folds the buffer first, then applies them.
 *
 * <p>The array holds one record per fact, each a header (the kind) and the fact's values: a mark, a follower report
 * (its key, account and count), a refund (the order's key, the instant, the amount).
 *
 * <p>Not thread-safe: the store serialises a customer's changes, and the reads that fold the buffer, on one lock. Only
 * {@link #isEmpty} may be called without it (it reads the count with acquire semantics), so that a reader finding the
 * buffer empty can take the stored profile without locking, provided the store stores a folded profile before
 * clearing the buffer ({@link #appliedTo}, then {@link #clear}). Stores may extend the class to keep the buffer in
 * their per-customer record rather than in an object of its own.
 */
public class ActivityBuffer {

  private static final int MARK = 1;
  private static final int FOLLOWER_REPORT = 2;
  private static final int REFUND = 3;
  private static final VarHandle EVENTS;

  static {
    try {
      EVENTS = MethodHandles.lookup().findVarHandle(ActivityBuffer.class, "events", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * The values a buffer holds: four to twelve events (a social interaction with a follower count takes six). The
   * array is allocated with the buffer and never grows, so that no reference is ever stored into it later; a full
   * buffer refuses events until it is drained.
   */
  static final int CAPACITY = 24;

  private final long[] facts = new long[CAPACITY];
  private int used;
  /**
   * Written only under the store's lock, with release semantics, and read by {@link #isEmpty} without it, with acquire
   * semantics: on x86 neither costs a fence, where a volatile write would on every event.
   */
  private int events;

  /** An empty buffer. */
  public ActivityBuffer() {}

  /**
   * Takes {@code event} into this buffer if it is of a kind the buffer holds, over {@code base} and what the buffer
   * already holds changes nothing else, and its facts fit in the room left; otherwise changes nothing and returns
   * false. A store drains a buffer that refused an event and offers the event again.
   *
   * @param base the profile this buffer's events follow; null when the caller has not read it, which refuses the
   *     events that need it ({@link #takesWithoutProfile})
   */
  public final boolean add(@Nullable CustomerProfile base, CustomerEvent event) {
    if (event instanceof SocialInteraction s) {
      if (!s.topics().isEmpty() && (base == null || !base.knowsTopicsOf(s))) {
        return false;
      }
      long at = s.occurredAt().toEpochMilli();
      Long followerCount = s.followerCount();
      if (!fits(followerCount == null ? 2 : 6)) {
        return false;
      }
      // everything that may throw before anything is written
      long followerKey = followerCount == null ? 0 : Activity.followerKey(at, s.platform().ordinal());
      long account = followerCount == null ? 0 : Activity.followerAccount(s);
      addMark(at, Activity.code(s));
      if (followerCount != null) {
        int p = reserve(4);
        facts[p] = FOLLOWER_REPORT;
        facts[p + 1] = followerKey;
        facts[p + 2] = account;
        facts[p + 3] = followerCount;
      }
    } else if (event instanceof Refund r) {
      if (!fits(4)) {
        return false;
      }
      int p = reserve(4);
      facts[p] = REFUND;
      facts[p + 1] = OrderFact.key(r.orderId());
      facts[p + 2] = r.occurredAt().toEpochMilli();
      facts[p + 3] = r.amount().minorUnits();
    } else if (!(event instanceof StaffContact)) {
      int code = Activity.markCode(event);
      if (code < 0 || !fits(2)) {
        return false;
      }
      addMark(event.occurredAt().toEpochMilli(), code);
    }
    EVENTS.setRelease(this, events + 1);
    return true;
  }

  /**
   * Whether {@link #add} can take {@code event} without the profile, room permitting: whether a store that has a
   * profile for the customer need not read it to buffer the event.
   */
  public static boolean takesWithoutProfile(CustomerEvent event) {
    return event instanceof SocialInteraction s ? s.topics().isEmpty()
        : event instanceof Refund || event instanceof StaffContact || Activity.markCode(event) >= 0;
  }

  /**
   * Reads the part of the buffer's array the next {@link #add} writes, changing nothing, and returns a value derived
   * from it: for a store that brings the buffers of a batch of events into the cache before applying them.
   */
  public final long touch() {
    return facts[used < CAPACITY ? used : CAPACITY - 1];
  }

  /** Whether the buffer holds no event; may be called without the store's lock (an acquiring read). */
  public final boolean isEmpty() {
    return (int) EVENTS.getAcquire(this) == 0;
  }

  /** How many events the buffer holds. */
  public final int size() {
    return events;
  }

  /** {@link #appliedTo} then {@link #clear}: {@code base} with the buffered events applied, and the buffer empty. */
  public final CustomerProfile drainInto(CustomerProfile base) {
    CustomerProfile folded = appliedTo(base);
    clear();
    return folded;
  }

  /**
   * {@code base} with the buffered events applied, the same profile as applying each with {@link CustomerProfile#with}
   * in the order they were added. The buffer is unchanged: a store stores the result, then clears the buffer.
   */
  public final CustomerProfile appliedTo(CustomerProfile base) {
    int count = events;
    if (count == 0) {
      return base;
    }
    int markCount = 0;
    int followerValues = 0;
    int refundValues = 0;
    for (int p = 0; p < used; p += length(p)) {
      switch ((int) facts[p]) {
        case MARK -> markCount++;
        case FOLLOWER_REPORT -> followerValues += Activity.FOLLOWER_VALUES;
        default -> refundValues += 3;
      }
    }
    long[] marks = new long[markCount];
    long[] followers = new long[followerValues];
    long[] refunds = new long[refundValues];
    int m = 0;
    int f = 0;
    int r = 0;
    for (int p = 0; p < used; p += length(p)) {
      switch ((int) facts[p]) {
        case MARK -> marks[m++] = facts[p + 1];
        case FOLLOWER_REPORT -> {
          System.arraycopy(facts, p + 1, followers, f, Activity.FOLLOWER_VALUES);
          f += Activity.FOLLOWER_VALUES;
        }
        default -> {
          System.arraycopy(facts, p + 1, refunds, r, 3);
          r += 3;
        }
      }
    }
    Arrays.sort(marks);
    return base.withFacts(marks, followers, refunds, count);
  }

  /** Forgets the buffered events, for when the customer's profile is replaced or removed. */
  public final void clear() {
    used = 0;
    EVENTS.setRelease(this, 0);
  }

  private void addMark(long at, int code) {
    int p = reserve(2);
    facts[p] = MARK;
    facts[p + 1] = (at << Activity.CODE_BITS) | code;
  }

  private boolean fits(int values) {
    return values <= CAPACITY - used;
  }

  /** The index where {@code values} more values go, which {@link #fits}; counts them as used. */
  private int reserve(int values) {
    int p = used;
    used = p + values;
    return p;
  }

  /** The values of the record starting at {@code p}, its header included. */
  private int length(int p) {
    return switch ((int) facts[p]) {
      case MARK -> 2;
      default -> 4;
    };
  }

  @Override
  public String toString() {
    return "ActivityBuffer[" + events + " events]";
  }
}
