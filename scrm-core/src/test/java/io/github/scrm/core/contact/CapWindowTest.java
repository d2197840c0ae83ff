package io.github.scrm.core.contact;

import static io.github.scrm.core.contact.ContactFixtures.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.scrm.core.time.BusinessTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class CapWindowTest {

  @Test
  void calendarDay_inShanghai_startsAtLocalMidnight() {
    Instant lateEvening = shanghai("2026-11-23T23:59:59");

    assertThat(CapWindow.calendarDay().from(lateEvening, BusinessTime.SHANGHAI))
        .isEqualTo(Instant.parse("2026-11-22T16:00:00Z"));
    assertThat(CapWindow.calendarDay().until(lateEvening, BusinessTime.SHANGHAI))
        .isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
  }

  @Test
  void calendarWeek_sundayNightBelongsToTheWeekStartingMonday() {
    Instant sunday = shanghai("2026-11-29T23:00");

    assertThat(CapWindow.calendarWeek().from(sunday, BusinessTime.SHANGHAI)).isEqualTo(shanghai("2026-11-23T00:00"));
    assertThat(CapWindow.calendarWeek().until(sunday, BusinessTime.SHANGHAI)).isEqualTo(shanghai("2026-11-30T00:00"));
  }

  @Test
  void rolling_coversTheLastDurationIncludingTheInstant() {
    Instant at = shanghai("2026-11-23T10:00");
    CapWindow day = CapWindow.rolling(Duration.ofDays(1));

    assertThat(day.from(at, BusinessTime.SHANGHAI)).isEqualTo(at.minus(Duration.ofDays(1)).plusNanos(1));
    assertThat(day.until(at, BusinessTime.SHANGHAI)).isEqualTo(at.plusNanos(1));
    assertThatThrownBy(() -> CapWindow.rolling(Duration.ZERO)).hasMessageContaining("positive, but was PT0S");
  }
}
