package io.github.scrm.coupons.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.scrm.core.time.BusinessTime;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

final class ValidityProperties {
  private static final ZoneId ZONE = BusinessTime.SHANGHAI;

  @Test
  void oneMillisecondBeforeTheEnd_isValid_andTheEndItselfIsNot() {
    qt().withExamples(300)
        .forAll(longs().between(1_600_000_000_000L, 1_900_000_000_000L), integers().between(1, 400),
            integers().between(0, 2))
        .checkAssert((millis, n, kind) -> {
          Instant issued = Instant.ofEpochMilli(millis);
          Validity v = switch (kind) {
            case 0 -> new Validity.DaysAfterIssue(n);
            case 1 -> new Validity.HoursAfterIssue(n);
            default -> Validity.Fixed.days(issued.atZone(ZONE).toLocalDate(),
                issued.atZone(ZONE).toLocalDate().plusDays(n));
          };
          Validity.Window w = v.window(issued, ZONE);
          assertThat(w.contains(w.until().minusMillis(1))).isTrue();
          assertThat(w.contains(w.until())).isFalse();
          if (kind == 0) {
            assertThat(w.until().atZone(ZONE).toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
            assertThat(w.contains(issued)).isTrue();
          }
        });
  }
}
