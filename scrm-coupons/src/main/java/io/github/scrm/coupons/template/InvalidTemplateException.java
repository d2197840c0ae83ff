package io.github.scrm.coupons.template;

import java.util.List;

/** A template with bad values, listing every problem found (not only the first). */
public final class InvalidTemplateException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  InvalidTemplateException(String templateId, List<String> problems) {
    super("coupon template '" + templateId + "' is invalid: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, one sentence each. */
  public List<String> problems() {
    return problems;
  }
}
