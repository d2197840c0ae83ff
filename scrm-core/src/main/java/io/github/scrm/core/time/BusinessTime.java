package io.github.scrm.core.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The injected {@link Clock} together with the business time zone in which days, weeks and months are counted. No
 * code in SCRM reads the system clock directly; tests pass a fixed or mutable clock.
 *
 * @param clock the source of "now"
 * @param zone the business zone, {@code Asia/Shanghai} by default
 */
public record BusinessTime(Clock clock, ZoneId zone) {

  /** The default business zone. */
  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** Validates both parts. */
  public BusinessTime {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(zone, "zone");
  }

  /** {@code clock} in {@link #SHANGHAI}. */
  public static BusinessTime of(Clock clock) {
    return new BusinessTime(clock, SHANGHAI);
  }

  /** The current instant from the injected clock. */
  public Instant now() {
    return clock.instant();
  }

  /** Today's date in the business zone. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), zone);
  }

  /** The business date of {@code instant}. */
  public LocalDate dateOf(Instant instant) {
    return LocalDate.ofInstant(instant, zone);
  }

  /** The first instant of {@code date} in the business zone. */
  public Instant startOf(LocalDate date) {
    return date.atStartOfDay(zone).toInstant();
  }
}
