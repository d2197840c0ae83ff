package io.github.scrm.coupons.guardrail;

import java.util.Objects;

/**
 * One guardrail a campaign breaks.
 *
 * @param rule the rule's name, such as {@code "maxFaceValue"}
 * @param severity whether a second operator can approve it or it is refused outright
 * @param message the rule and the actual value
 */
public record Violation(String rule, Severity severity, String message) {

  /** How hard a guardrail is. */
  public enum Severity {
    /** Allowed once a second, different operator approves. */
    NEEDS_APPROVAL,
    /** Never allowed under the current guardrails. */
    REFUSED
  }

  /** Null checks. */
  public Violation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }
}
