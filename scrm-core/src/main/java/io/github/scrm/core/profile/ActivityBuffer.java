package io.github.scrm.core.profile;

import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.Refund;
import io.github.scrm.core.event.SocialInteraction;
import io.github.scrm.core.event.StaffContact;
import java.util.Arrays;

/**
 * One customer's recent actions, held in arrays of primitives until they are folded into the customer's profile: for a
 * profile store that keeps each customer's record for a long time and changes it at every event.
 *
 * <p>Applying an event with {@link CustomerProfile#with} makes a new profile, and storing it puts a reference to a new
 * object into the store's long-lived memory. Under a generational collector such as G1, every such store marks a card
 * of the old generation dirty, and a million customers' cards cost more to track than the events cost to apply. A
 * buffer takes the commonest events (social interactions that name no new topic, community and campaign activity,
 * referral steps, refunds and staff contacts) as numbers written into arrays it already has, which marks nothing;
 * {@link #drainInto} then gives the profile that applying those events one after another would have given. The other
 * kinds change what the buffer does not hold (orders, fields, identifiers, topics): the store folds the buffer first,
 * then applies them.
 *
 * <p>Not thread-safe: the store serialises a customer's changes, and reads of the profile, on one lock. Stores may
 * extend the class to keep the buffer in their per-customer record rather than in an object of its own.
 */
public class ActivityBuffer {

  private static final long[] NONE = new long[0];
  /** A buffer whose arrays grew beyond this many values drops them when drained, rather than keep a burst's worth. */
  private static final int KEPT_CAPACITY = 64;

  /** The marks, sorted, as in a profile. */
  private long[] marks = NONE;
  private int markCount;
  /** Follower reports in arrival order, two values each, as in a profile. */
  private long[] followers = NONE;
  private int followerValues;
  /** Refunds in arrival order, three values each: the order's key, the instant and the amount. */
  private long[] refunds = NONE;
  private int refundValues;
  private int events;

  /** An empty buffer. */
  public ActivityBuffer() {
    marks = new long[4];
    followers = new long[4];
    refunds = new long[3];
  }

  /**
   * Takes {@code event} into this buffer if it is of a kind the buffer holds and, over {@code base} and what the buffer
   * already holds, changes nothing else; otherwise changes nothing and returns false.
   *
   * @param base the profile this buffer's events follow
   */
  public final boolean add(CustomerProfile base, CustomerEvent event) {
    if (event instanceof SocialInteraction s) {
      if (!base.knowsTopicsOf(s)) {
        return false;
      }
      addMark(s.occurredAt().toEpochMilli(), Activity.code(s));
      if (s.followerCount() != null) {
        if (followerValues + 2 > followers.length) {
          followers = grown(followers, 2);
        }
        followers[followerValues++] = Activity.followerKey(s.occurredAt().toEpochMilli(), s.platform().ordinal());
        followers[followerValues++] = s.followerCount();
      }
    } else if (event instanceof Refund r) {
      if (refundValues + 3 > refunds.length) {
        refunds = grown(refunds, 3);
      }
      refunds[refundValues++] = OrderFact.key(r.orderId());
      refunds[refundValues++] = r.occurredAt().toEpochMilli();
      refunds[refundValues++] = r.amount().minorUnits();
    } else if (!(event instanceof StaffContact)) {
      int code = Activity.markCode(event);
      if (code < 0) {
        return false;
      }
      addMark(event.occurredAt().toEpochMilli(), code);
    }
    events++;
    return true;
  }

  /** Whether the buffer holds no event. */
  public final boolean isEmpty() {
    return events == 0;
  }

  /** How many events the buffer holds. */
  public final int size() {
    return events;
  }

  /**
   * {@code base} with the buffered events applied, the same profile as applying each with {@link CustomerProfile#with}
   * in the order they were added; empties the buffer.
   */
  public final CustomerProfile drainInto(CustomerProfile base) {
    if (events == 0) {
      return base;
    }
    CustomerProfile folded = base.withFacts(marks, markCount, followers, followerValues, refunds, refundValues, events);
    clear();
    return folded;
  }

  /** Forgets the buffered events, for when the customer's profile is replaced or removed. */
  public final void clear() {
    markCount = 0;
    followerValues = 0;
    refundValues = 0;
    events = 0;
    if (marks.length > KEPT_CAPACITY) {
      marks = NONE;
    }
    if (followers.length > KEPT_CAPACITY) {
      followers = NONE;
    }
    if (refunds.length > KEPT_CAPACITY) {
      refunds = NONE;
    }
  }

  /** Inserts a mark in its place: marks of one customer mostly come in time order, so from the end. */
  private void addMark(long at, int code) {
    long mark = (at << Activity.CODE_BITS) | code;
    if (markCount == marks.length) {
      marks = grown(marks, 1);
    }
    int pos = markCount;
    while (pos > 0 && marks[pos - 1] > mark) {
      marks[pos] = marks[pos - 1];
      pos--;
    }
    marks[pos] = mark;
    markCount++;
  }

  /**
   * A copy of the full {@code values} twice as large, with room for at least {@code more} values. Callers assign the
   * field only when it grows: G1 marks a card at every reference stored into old memory, even an unchanged one.
   */
  private static long[] grown(long[] values, int more) {
    return Arrays.copyOf(values, Math.max(values.length + more, Math.max(4, values.length * 2)));
  }

  @Override
  public String toString() {
    return "ActivityBuffer[" + events + " events]";
  }
}
