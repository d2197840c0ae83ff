package io.github.scrm.core.contact;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Day arithmetic for zones without daylight saving (Asia/Shanghai among them): plain integer arithmetic on epoch
 * seconds instead of building dates, because every cap needs its window on every contact check.
 */
final class FixedOffsetDays {

  private static final long SECONDS_PER_DAY = 86_400;
  // 1970-01-01 was a Thursday: three days after a Monday
  private static final long EPOCH_DAYS_SINCE_MONDAY = 3;

  private FixedOffsetDays() {}

  /** The start of the local day {@code plusDays} after the one containing {@code at}. */
  static Instant startOfDay(Instant at, ZoneId zone, long plusDays) {
    long offset = zone.getRules().getOffset(at).getTotalSeconds();
    long localDay = Math.floorDiv(at.getEpochSecond() + offset, SECONDS_PER_DAY);
    return Instant.ofEpochSecond((localDay + plusDays) * SECONDS_PER_DAY - offset);
  }

  /** 0 on Monday to 6 on Sunday, for the local day containing {@code at}. */
  static long daysSinceMonday(Instant at, ZoneId zone) {
    long offset = zone.getRules().getOffset(at).getTotalSeconds();
    long localDay = Math.floorDiv(at.getEpochSecond() + offset, SECONDS_PER_DAY);
    return Math.floorMod(localDay + EPOCH_DAYS_SINCE_MONDAY, 7);
  }
}
