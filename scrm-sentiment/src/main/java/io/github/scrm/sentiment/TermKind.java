package io.github.scrm.sentiment;

import java.util.Locale;

/** What a lexicon term does; its lower-case name is the {@code kind} column of the lexicon file. */
public enum TermKind {
  /** Praise; the weight pushes towards positive. */
  POS,
  /** Complaint; the weight pushes towards negative. */
  NEG,
  /** Turns around the next sentiment term within a few characters of the same clause. */
  NEGATOR,
  /** Multiplies the next sentiment term by the weight (很 1.3, 有点 0.7). */
  DEGREE,
  /** Terms after it weigh 1.5 times, terms before it 0.7 times. */
  CONTRAST,
  /** Negative by its weight, and turns the comment's praise into complaint. */
  SARCASM,
  /** Negative by its weight, and turns praise in its clause into complaint. */
  RHETORICAL,
  /** No sentiment; names an issue category counted when its clause is negative. */
  TOPIC,
  /** No effect; blocks a shorter, misleading match (不得不 is not a negation). */
  NEUTRAL;

  /** Parses the lexicon column, case-insensitively. */
  public static TermKind parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("kind must be one of pos, neg, negator, degree, contrast, sarcasm, "
          + "rhetorical, topic, neutral, but was '" + text + "'", e);
    }
  }
}
