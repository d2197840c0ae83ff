package io.github.scrm.core.contact;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * The window a frequency cap counts in. Calendar windows are counted in the business zone: a calendar day runs from
 * midnight to midnight, a calendar week from Monday 00:00 to the next Monday 00:00 (ISO weeks). A rolling window of
 * length {@code d} at instant {@code t} covers {@code (t - d, t]}.
 */
public sealed interface CapWindow {

  /** The first instant of the window containing {@code at}, inclusive. */
  Instant from(Instant at, ZoneId zone);

  /** The end of the window containing {@code at}, exclusive. */
  Instant until(Instant at, ZoneId zone);

  /** Words for messages: "calendar day", "rolling PT24H". */
  String describe();

  /** The calendar day in the business zone. */
  static CapWindow calendarDay() {
    return new CalendarDay();
  }

  /** The ISO calendar week (Monday to Sunday) in the business zone. */
  static CapWindow calendarWeek() {
    return new CalendarWeek();
  }

  /** A rolling window of {@code length} ending at the request's instant. */
  static CapWindow rolling(Duration length) {
    return new Rolling(length);
  }

  /** Midnight to midnight in the business zone. */
  record CalendarDay() implements CapWindow {
    @Override
    public Instant from(Instant at, ZoneId zone) {
      if (zone.getRules().isFixedOffset()) {
        return FixedOffsetDays.startOfDay(at, zone, 0);
      }
      return LocalDate.ofInstant(at, zone).atStartOfDay(zone).toInstant();
    }

    @Override
    public Instant until(Instant at, ZoneId zone) {
      if (zone.getRules().isFixedOffset()) {
        return FixedOffsetDays.startOfDay(at, zone, 1);
      }
      return LocalDate.ofInstant(at, zone).plusDays(1).atStartOfDay(zone).toInstant();
    }

    @Override
    public String describe() {
      return "calendar day";
    }
  }

  /** Monday 00:00 to the next Monday 00:00 in the business zone. */
  record CalendarWeek() implements CapWindow {
    @Override
    public Instant from(Instant at, ZoneId zone) {
      if (zone.getRules().isFixedOffset()) {
        return FixedOffsetDays.startOfDay(at, zone, -FixedOffsetDays.daysSinceMonday(at, zone));
      }
      return monday(at, zone).atStartOfDay(zone).toInstant();
    }

    @Override
    public Instant until(Instant at, ZoneId zone) {
      if (zone.getRules().isFixedOffset()) {
        return FixedOffsetDays.startOfDay(at, zone, 7 - FixedOffsetDays.daysSinceMonday(at, zone));
      }
      return monday(at, zone).plusWeeks(1).atStartOfDay(zone).toInstant();
    }

    private static LocalDate monday(Instant at, ZoneId zone) {
      return LocalDate.ofInstant(at, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    @Override
    public String describe() {
      return "calendar week";
    }
  }

  /**
   * The last {@code length} up to and including the request's instant.
   *
   * @param length positive
   */
  record Rolling(Duration length) implements CapWindow {
    /** Validates the length. */
    public Rolling {
      Objects.requireNonNull(length, "length");
      if (length.isNegative() || length.isZero()) {
        throw new IllegalArgumentException("rolling window length must be positive, but was " + length);
      }
    }

    @Override
    public Instant from(Instant at, ZoneId zone) {
      return at.minus(length).plusNanos(1);
    }

    @Override
    public Instant until(Instant at, ZoneId zone) {
      return at.plusNanos(1);
    }

    @Override
    public String describe() {
      return "rolling " + length;
    }
  }
}
