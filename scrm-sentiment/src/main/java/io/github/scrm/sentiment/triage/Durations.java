package io.github.scrm.sentiment.triage;

import java.time.Duration;

/** Human-readable durations for reasons: "2 h 10 min", "45 min", "3 d 4 h". */
final class Durations {
  private Durations() {}

  static String format(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    long days = minutes / (24 * 60);
    long hours = (minutes / 60) % 24;
    long mins = minutes % 60;
    if (days > 0) {
      return hours > 0 ? days + " d " + hours + " h" : days + " d";
    }
    if (hours > 0) {
      return mins > 0 ? hours + " h " + mins + " min" : hours + " h";
    }
    return Math.max(1, mins) + " min";
  }
}
