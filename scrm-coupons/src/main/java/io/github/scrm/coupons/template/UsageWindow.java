package io.github.scrm.coupons.template;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Optional weekday and hour-of-day restriction on top of the validity window, in the business zone (a lunch coupon
 * valid Monday to Friday 11:00 to 14:00). The time range is half-open {@code [from, until)}.
 *
 * @param days the weekdays on which the coupon can be used
 * @param from the first local time of day
 * @param until the end of the daily window, exclusive; {@link LocalTime#MIDNIGHT} means to the end of the day
 */
public record UsageWindow(Set<DayOfWeek> days, LocalTime from, LocalTime until) {

  /** Copies the days. */
  public UsageWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
  }

  /** Whether {@code instant} falls inside the window. */
  public boolean allows(Instant instant, ZoneId zone) {
    ZonedDateTime local = instant.atZone(zone);
    if (!days.contains(local.getDayOfWeek())) {
      return false;
    }
    LocalTime t = local.toLocalTime();
    return !t.isBefore(from) && (until.equals(LocalTime.MIDNIGHT) || t.isBefore(until));
  }

  List<String> problems() {
    List<String> p = new ArrayList<>();
    if (days.isEmpty()) {
      p.add("usage window must name at least one weekday, but named none");
    }
    if (!until.equals(LocalTime.MIDNIGHT) && !until.isAfter(from)) {
      p.add("usage window must end after it starts, but was [" + from + ", " + until + ")");
    }
    return p;
  }
}
