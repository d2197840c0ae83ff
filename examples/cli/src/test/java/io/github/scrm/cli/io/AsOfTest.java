package io.github.scrm.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

final class AsOfTest {

  private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final StringWriter err = new StringWriter();
  private final Problems problems = new Problems(new PrintWriter(err));

  @Test
  void parse_anIsoInstant_isThatInstant() {
    assertThat(AsOf.parse("2026-06-15T04:00:00Z", CLOCK, problems)).isEqualTo(Instant.parse("2026-06-15T04:00:00Z"));
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void parse_withoutAValue_isNowOnTheClock() {
    assertThat(AsOf.parse(null, CLOCK, problems)).isEqualTo(NOW);
  }

  @Test
  void parse_aMalformedValue_isNullAndReportedWithTheValue() {
    assertThat(AsOf.parse("tomorrow", CLOCK, problems)).isNull();
    assertThat(err.toString()).isEqualTo(
        "error: --as-of must be an ISO-8601 instant such as 2026-06-15T04:00:00Z, but was 'tomorrow'"
            + System.lineSeparator());
  }
}
