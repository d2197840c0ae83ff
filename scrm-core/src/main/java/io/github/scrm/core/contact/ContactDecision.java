package io.github.scrm.core.contact;

import java.util.Objects;

/** The answer to "may this customer be contacted?": {@link Allowed} or {@link Denied} with the reason and the rule. */
public sealed interface ContactDecision {

  /** Whether the contact is allowed. */
  boolean allowed();

  /** The contact may go ahead (and, from {@code checkAndRecord}, has been recorded). */
  record Allowed() implements ContactDecision {
    @Override
    public boolean allowed() {
      return true;
    }
  }

  /**
   * The contact must not be sent.
   *
   * @param reason the kind of rule that denied it
   * @param rule the name of the rule, as configured ({@code "marketing-per-day"})
   * @param detail the rule and the actual values, for operators; no personal data
   */
  record Denied(DenialReason reason, String rule, String detail) implements ContactDecision {
    /** Validates the parts. */
    public Denied {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public boolean allowed() {
      return false;
    }
  }
}
