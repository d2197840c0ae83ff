package io.github.scrm.sentiment;

/** How urgently a complaint needs an answer, in increasing order. */
public enum Severity {
  /** No complaint found. */
  NONE,
  /** Mild dissatisfaction: taste, size, price, a negative comment without a specific issue. */
  LOW,
  /** Defects, delays, wrong or missing items, damaged packages, coupon problems. */
  MEDIUM,
  /** Money lost, refund refused, rude service, a promised reward not delivered, a question asked again unanswered. */
  HIGH,
  /** Safety, health, injury, food poisoning, counterfeit, fraud, legal or media threats. */
  CRITICAL;

  /** True when this is more severe than {@code other}. */
  public boolean isAbove(Severity other) {
    return compareTo(other) > 0;
  }

  /** Lower-case name, as used in the lexicon and the CLI. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
