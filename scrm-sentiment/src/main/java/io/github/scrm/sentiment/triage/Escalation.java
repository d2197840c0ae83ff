package io.github.scrm.sentiment.triage;

import io.github.scrm.sentiment.Severity;
import java.time.Duration;
import java.time.Instant;

/** Something a person must look at now; taken from {@link TriageQueue#pollEscalations()}. */
public sealed interface Escalation {

  /** When the condition was reached. */
  Instant at();

  /** A one-line description for a notification. */
  String describe();

  /**
   * A comment passed its SLA without a reply.
   *
   * @param commentId the comment
   * @param severity its severity
   * @param sla the limit it passed
   * @param at when it passed it
   */
  record SlaBreached(String commentId, Severity severity, Duration sla, Instant at) implements Escalation {
    @Override
    public String describe() {
      return severity.label() + " comment " + commentId + " unanswered past its SLA of " + Durations.format(sla);
    }
  }

  /**
   * An issue cluster reached the alert size.
   *
   * @param clusterId the cluster
   * @param categoryId its issue category
   * @param size its size
   * @param at when it reached it
   */
  record ClusterAlert(String clusterId, String categoryId, int size, Instant at) implements Escalation {
    @Override
    public String describe() {
      return "cluster " + clusterId + " of '" + categoryId + "' complaints reached " + size + " comments";
    }
  }
}
