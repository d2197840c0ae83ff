package io.github.scrm.segmentation;

import static io.github.scrm.segmentation.Frame.DAY_MILLIS;
import static io.github.scrm.segmentation.Frame.FALSE;
import static io.github.scrm.segmentation.Frame.TRUE;
import static io.github.scrm.segmentation.Frame.UNKNOWN;

import java.time.LocalDate;

/**
 * Time-relative expressions. Each also tells the next instant at which its value can change with time alone, which
 * is how the engine computes a profile's next wake-up.
 */
final class TimeNode {

  /** Something whose value can change with the passage of time. */
  interface Timed {
    /** The next epoch milli after {@code f.asOfMillis} at which the value may change, or {@link Long#MAX_VALUE}. */
    long nextChange(Frame f);
  }

  private TimeNode() {}

  /** Whole 24-hour days since an instant: {@code floor((asOf - t) / 1 day)}. */
  static final class DaysSince extends NumNode implements Timed {
    private final int cell;

    DaysSince(int cell) {
      super(2);
      this.cell = cell;
    }

    @Override
    double eval(Frame f) {
      long t = f.cell(cell);
      return t == Frame.ABSENT ? Double.NaN : (double) Math.floorDiv(f.asOfMillis - t, DAY_MILLIS);
    }

    @Override
    public long nextChange(Frame f) {
      long t = f.cell(cell);
      if (t == Frame.ABSENT) {
        return Long.MAX_VALUE;
      }
      return t + (Math.floorDiv(f.asOfMillis - t, DAY_MILLIS) + 1) * DAY_MILLIS;
    }
  }

  /** Whether an instant lies within the last {@code duration}: {@code 0 <= asOf - t <= duration} (not in the future). */
  static final class WithinLast extends BoolNode implements Timed {
    private final int cell;
    private final long millis;

    WithinLast(int cell, long millis) {
      super(2);
      this.cell = cell;
      this.millis = millis;
    }

    @Override
    int eval(Frame f) {
      long t = f.cell(cell);
      if (t == Frame.ABSENT) {
        return UNKNOWN;
      }
      long age = f.asOfMillis - t;
      return age >= 0 && age <= millis ? TRUE : FALSE;
    }

    @Override
    public long nextChange(Frame f) {
      long t = f.cell(cell);
      if (t == Frame.ABSENT || f.asOfMillis - t > millis) {
        return Long.MAX_VALUE;
      }
      return t > f.asOfMillis ? t : t + millis + 1;
    }
  }

  /** Days from today (business zone) to the next birthday; 29 February counts as 28 February in other years. */
  static long daysToBirthday(long birthdayEpochDay, long todayEpochDay) {
    LocalDate b = LocalDate.ofEpochDay(birthdayEpochDay);
    LocalDate today = LocalDate.ofEpochDay(todayEpochDay);
    LocalDate next = b.withYear(today.getYear());
    if (next.isBefore(today)) {
      next = b.withYear(today.getYear() + 1);
    }
    return next.toEpochDay() - todayEpochDay;
  }

  static final class BirthdayWithin extends BoolNode implements Timed {
    private final int cell;
    private final long days;

    BirthdayWithin(int cell, long days) {
      super(4);
      this.cell = cell;
      this.days = days;
    }

    @Override
    int eval(Frame f) {
      long b = f.cell(cell);
      return b == Frame.ABSENT ? UNKNOWN : daysToBirthday(b, f.todayEpochDay) <= days ? TRUE : FALSE;
    }

    @Override
    public long nextChange(Frame f) {
      return f.cell(cell) == Frame.ABSENT ? Long.MAX_VALUE : f.nextDayStartMillis;
    }
  }

  static final class BirthdayThisMonth extends BoolNode implements Timed {
    private final int cell;

    BirthdayThisMonth(int cell) {
      super(3);
      this.cell = cell;
    }

    @Override
    int eval(Frame f) {
      long b = f.cell(cell);
      return b == Frame.ABSENT ? UNKNOWN : LocalDate.ofEpochDay(b).getMonthValue() == f.month ? TRUE : FALSE;
    }

    @Override
    public long nextChange(Frame f) {
      return f.cell(cell) == Frame.ABSENT ? Long.MAX_VALUE : f.nextMonthStartMillis;
    }
  }
}
