package io.github.scrm.cli.rules;

import io.github.scrm.cli.io.AsOf;
import io.github.scrm.cli.io.Problems;
import io.github.scrm.segmentation.Segmentation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The {@code --as-of} and {@code --zone} options every evaluating rules command shares (a picocli mixin), so that
 * they read, default and fail the same way in {@code tag}, {@code explain} and {@code rules diff}.
 */
final class EvaluationTime {

  @Option(names = "--as-of", paramLabel = "INSTANT", description = RuleFiles.AS_OF_HELP)
  @Nullable String asOf;

  @Option(names = "--zone", defaultValue = "Asia/Shanghai", paramLabel = "ZONE",
      description = "business time zone for days, months and birthdays (default: ${DEFAULT-VALUE})")
  ZoneId zone = ZoneId.of("Asia/Shanghai");

  /** The evaluation instant, or {@code null} after reporting a malformed {@code --as-of}. */
  @Nullable Instant instant(Problems problems) {
    return AsOf.parse(asOf, Clock.systemUTC(), problems);
  }

  /** A segmentation engine counting days in {@code --zone}. */
  Segmentation segmentation() {
    return RuleFiles.segmentation(zone);
  }
}
