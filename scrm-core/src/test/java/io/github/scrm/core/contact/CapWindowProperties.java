package io.github.scrm.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CapWindowProperties {

  private static final List<ZoneId> ZONES =
      List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"), ZoneId.of("-03:30"));

  @Test
  void calendarWindows_matchDateArithmetic_inFixedAndDaylightSavingZones() {
    // 1960 to 2100, in seconds
    qt().withExamples(300).forAll(longs().between(-315_619_200L, 4_102_444_800L)).checkAssert(seconds -> {
      Instant at = Instant.ofEpochSecond(seconds);
      for (ZoneId zone : ZONES) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

        assertThat(CapWindow.calendarDay().from(at, zone)).isEqualTo(day.atStartOfDay(zone).toInstant());
        assertThat(CapWindow.calendarDay().until(at, zone)).isEqualTo(day.plusDays(1).atStartOfDay(zone).toInstant());
        assertThat(CapWindow.calendarWeek().from(at, zone)).isEqualTo(monday.atStartOfDay(zone).toInstant());
        assertThat(CapWindow.calendarWeek().until(at, zone))
            .isEqualTo(monday.plusWeeks(1).atStartOfDay(zone).toInstant());
        assertThat(CapWindow.calendarDay().from(at, zone)).isBeforeOrEqualTo(at);
        assertThat(CapWindow.calendarWeek().until(at, zone)).isAfter(at);
      }
    });
  }
}
