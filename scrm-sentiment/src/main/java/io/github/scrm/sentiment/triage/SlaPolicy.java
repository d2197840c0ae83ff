package io.github.scrm.sentiment.triage;

import io.github.scrm.sentiment.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long a comment of each severity may wait for a reply. Defaults: critical 1 h, high 4 h, medium 12 h, low 24 h,
 * none 72 h.
 *
 * @param limits the limit per severity; every severity must be present
 */
public record SlaPolicy(Map<Severity, Duration> limits) {

  /** Validates and copies the limits. */
  public SlaPolicy {
    Objects.requireNonNull(limits, "limits");
    for (Severity s : Severity.values()) {
      Duration d = limits.get(s);
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("SLA for " + s.label() + " must be a positive duration, but was " + d);
      }
    }
    limits = Map.copyOf(new EnumMap<>(limits));
  }

  /** The documented defaults. */
  public static SlaPolicy defaults() {
    Map<Severity, Duration> m = new EnumMap<>(Severity.class);
    m.put(Severity.CRITICAL, Duration.ofHours(1));
    m.put(Severity.HIGH, Duration.ofHours(4));
    m.put(Severity.MEDIUM, Duration.ofHours(12));
    m.put(Severity.LOW, Duration.ofHours(24));
    m.put(Severity.NONE, Duration.ofHours(72));
    return new SlaPolicy(m);
  }

  /** The limit for a severity. */
  public Duration limitFor(Severity severity) {
    return limits.get(severity);
  }
}
