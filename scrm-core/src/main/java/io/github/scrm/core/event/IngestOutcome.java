package io.github.scrm.core.event;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.IdentityConflict;
import io.github.scrm.core.identity.MergeRecord;
import java.util.List;
import java.util.Objects;

/** What ingesting one event did. */
public sealed interface IngestOutcome {

  /** The event's id. */
  String eventId();

  /**
   * The event was recorded and applied to {@code customer}.
   *
   * @param eventId the event
   * @param customer the customer it was applied to
   * @param newCustomer whether the customer was created by this event
   * @param merges merges the event caused
   * @param conflicts links the guardrails refused; they wait for review
   */
  record Accepted(String eventId, CustomerId customer, boolean newCustomer, List<MergeRecord> merges,
      List<IdentityConflict> conflicts) implements IngestOutcome {
    /** Copies the lists. */
    public Accepted {
      merges = List.copyOf(merges);
      conflicts = List.copyOf(conflicts);
    }
  }

  /**
   * An event with this id was already recorded; nothing changed.
   *
   * @param eventId the event
   * @param customer the customer the first one was attributed to
   */
  record Duplicate(String eventId, CustomerId customer) implements IngestOutcome {}

  /**
   * The event was refused and had no effect.
   *
   * @param eventId the event's id as given
   * @param problems every problem, each {@code "field.path: rule, but was value"}
   */
  record Rejected(String eventId, List<String> problems) implements IngestOutcome {
    /** Copies the list. */
    public Rejected {
      Objects.requireNonNull(eventId, "eventId");
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a rejection needs at least one problem");
      }
    }
  }
}
