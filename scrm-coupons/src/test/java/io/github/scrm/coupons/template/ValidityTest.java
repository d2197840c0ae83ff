package io.github.scrm.coupons.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.scrm.core.time.BusinessTime;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class ValidityTest {
  private static final ZoneId ZONE = BusinessTime.SHANGHAI;

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(ZONE).toInstant();
  }

  @Test
  void daysAfterIssue_endsAtTheEndOfTheLastBusinessDay() {
    Validity.Window w = new Validity.DaysAfterIssue(3).window(at("2026-11-22T23:30"), ZONE);
    assertThat(w.until()).isEqualTo(at("2026-11-25T00:00"));
    assertThat(w.contains(at("2026-11-24T23:59:59.999"))).isTrue();
    assertThat(w.contains(at("2026-11-25T00:00"))).isFalse();
  }

  @Test
  void daysAfterIssue_usesTheBusinessZoneNotUtc() {
    // 2026-11-22T17:00Z is already 23 November 01:00 in Shanghai: day one is the 23rd
    Validity.Window w = new Validity.DaysAfterIssue(1).window(Instant.parse("2026-11-22T17:00:00Z"), ZONE);
    assertThat(w.until()).isEqualTo(at("2026-11-24T00:00"));
  }

  @Test
  void hoursAfterIssue_isExactlyThatManyHours() {
    Instant issued = at("2026-11-22T10:15");
    Validity.Window w = new Validity.HoursAfterIssue(2).window(issued, ZONE);
    assertThat(w.contains(at("2026-11-22T12:14:59.999"))).isTrue();
    assertThat(w.contains(at("2026-11-22T12:15"))).isFalse();
  }

  @Test
  void fixedDays_areInclusiveOfTheLastDay() {
    Validity.Window w = Validity.Fixed.days(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-11"))
        .window(Instant.EPOCH, ZONE);
    assertThat(w.from()).isEqualTo(at("2026-11-01T00:00"));
    assertThat(w.until()).isEqualTo(at("2026-11-12T00:00"));
  }

  @Test
  void window_cutAtCampaignEnd_neverGoesBeyondIt() {
    Validity.Window w = new Validity.DaysAfterIssue(30).window(at("2026-11-22T10:00"), ZONE)
        .cutAt(at("2026-11-30T00:00"));
    assertThat(w.until()).isEqualTo(at("2026-11-30T00:00"));
  }

  @Test
  void usageWindow_weekdayLunch_allowsOnlyThoseHours() {
    UsageWindow lunch = new UsageWindow(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY), LocalTime.of(11, 0),
        LocalTime.of(14, 0));
    assertThat(lunch.allows(at("2026-11-23T11:00"), ZONE)).isTrue(); // Monday
    assertThat(lunch.allows(at("2026-11-23T13:59:59.999"), ZONE)).isTrue();
    assertThat(lunch.allows(at("2026-11-23T14:00"), ZONE)).isFalse();
    assertThat(lunch.allows(at("2026-11-22T12:00"), ZONE)).isFalse(); // Sunday
  }
}
