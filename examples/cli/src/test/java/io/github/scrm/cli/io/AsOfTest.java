package io.github.scrm.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class AsOfTest {

  private final StringWriter err = new StringWriter();
  private final Problems problems = new Problems(new PrintWriter(err));

  @Test
  void parse_anIsoInstant_isThatInstant() {
    assertThat(AsOf.parse("2026-06-15T04:00:00Z", problems)).isEqualTo(Instant.parse("2026-06-15T04:00:00Z"));
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void parse_withoutAValue_isNow() {
    Instant before = Instant.now();
    Instant parsed = AsOf.parse(null, problems);
    assertThat(parsed).isBetween(before, Instant.now());
  }

  @Test
  void parse_aMalformedValue_isNullAndReportedWithTheValue() {
    assertThat(AsOf.parse("tomorrow", problems)).isNull();
    assertThat(err.toString()).isEqualTo(
        "error: --as-of must be an ISO-8601 instant such as 2026-06-15T04:00:00Z, but was 'tomorrow'"
            + System.lineSeparator());
  }
}
