package io.github.scrm.core.staff;

import java.util.List;
import java.util.Objects;

/**
 * The result of a staff member's departure: who inherited their acquisition codes and what happened to each customer.
 *
 * @param departed who left
 * @param codeSuccessor who now holds the departed staff member's codes
 * @param outcomes one outcome per customer the departed staff member owned, in order of customer id
 */
public record DepartureReport(StaffId departed, StaffId codeSuccessor, List<TransferOutcome> outcomes) {

  /** Validates and copies the parts. */
  public DepartureReport {
    Objects.requireNonNull(departed, "departed");
    Objects.requireNonNull(codeSuccessor, "codeSuccessor");
    outcomes = List.copyOf(outcomes);
  }

  /** The outcomes of one kind, such as {@code TransferOutcome.Refused.class}. */
  public <T extends TransferOutcome> List<T> outcomes(Class<T> kind) {
    return outcomes.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
