package io.github.scrm.coupons.template;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When an issued coupon can be used. Every window is half-open, {@code [from, until)}: the last valid instant is one
 * nanosecond before {@code until}. Whatever the kind, the window is cut at the campaign's end.
 */
public sealed interface Validity {

  /** The window of a coupon issued at {@code issuedAt}, in the business {@code zone}, before cutting. */
  Window window(Instant issuedAt, ZoneId zone);

  /** The longest the window can be, for the guardrail on validity. */
  Duration maximumLength(ZoneId zone);

  /** Problems with the values, for template validation. */
  List<String> problems();

  /** A half-open window {@code [from, until)}. */
  record Window(Instant from, Instant until) {
    /** Null checks. */
    public Window {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(until, "until");
    }

    /** Whether {@code instant} is inside: {@code from <= instant < until}. */
    public boolean contains(Instant instant) {
      return !instant.isBefore(from) && instant.isBefore(until);
    }

    /** This window cut at {@code end}. */
    public Window cutAt(Instant end) {
      return until.isAfter(end) ? new Window(from, end) : this;
    }
  }

  /** A fixed window {@code [start, end)} in local date-times of the business zone. */
  record Fixed(LocalDateTime start, LocalDateTime end) implements Validity {
    /** Null checks. */
    public Fixed {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
    }

    /** From the first instant of {@code firstDay} to the end of {@code lastDay} (inclusive days). */
    public static Fixed days(LocalDate firstDay, LocalDate lastDay) {
      return new Fixed(firstDay.atStartOfDay(), lastDay.plusDays(1).atStartOfDay());
    }

    @Override
    public Window window(Instant issuedAt, ZoneId zone) {
      return new Window(start.atZone(zone).toInstant(), end.atZone(zone).toInstant());
    }

    @Override
    public Duration maximumLength(ZoneId zone) {
      return Duration.between(start.atZone(zone), end.atZone(zone));
    }

    @Override
    public List<String> problems() {
      List<String> p = new ArrayList<>();
      if (!end.isAfter(start)) {
        p.add("validity must end after it starts, but was [" + start + ", " + end + ")");
      }
      return p;
    }
  }

  /** Valid for {@code hours} hours from issuance (post-order coupons that must be used quickly). */
  record HoursAfterIssue(int hours) implements Validity {
    @Override
    public Window window(Instant issuedAt, ZoneId zone) {
      return new Window(issuedAt, issuedAt.plus(Duration.ofHours(hours)));
    }

    @Override
    public Duration maximumLength(ZoneId zone) {
      return Duration.ofHours(hours);
    }

    @Override
    public List<String> problems() {
      return hours > 0 ? List.of() : List.of("validity hours must be positive, but was " + hours);
    }
  }

  /**
   * 领取后N天: valid from issuance to the end of the {@code days}-th calendar day in the business zone, counting the
   * issuance day as day one. Issued on 22 November with 3 days, it is valid until 25 November 00:00 (exclusive).
   */
  record DaysAfterIssue(int days) implements Validity {
    @Override
    public Window window(Instant issuedAt, ZoneId zone) {
      LocalDate last = LocalDate.ofInstant(issuedAt, zone).plusDays(days - 1L);
      return new Window(issuedAt, last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    @Override
    public Duration maximumLength(ZoneId zone) {
      return Duration.ofDays(days);
    }

    @Override
    public List<String> problems() {
      return days > 0 ? List.of() : List.of("validity days must be positive, but was " + days);
    }
  }
}
