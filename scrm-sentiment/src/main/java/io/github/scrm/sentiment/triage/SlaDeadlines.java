package io.github.scrm.sentiment.triage;

import io.github.scrm.sentiment.Severity;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/** Reply deadlines by due time; each open complaint escalates once per SLA period. Guarded by the queue's lock. */
final class SlaDeadlines {

  private record Deadline(Instant due, Entry entry, long generation) {}

  private final SlaPolicy sla;
  private final PriorityQueue<Deadline> queue = new PriorityQueue<>(Comparator.comparing(Deadline::due));

  SlaDeadlines(SlaPolicy sla) {
    this.sla = sla;
  }

  /** (Re)schedules the entry's deadline from its opening time; earlier deadlines of the entry lapse. */
  void schedule(Entry e) {
    e.generation++;
    if (e.severity == Severity.NONE) {
      return; // praise never escalates
    }
    queue.add(new Deadline(e.openedAt.plus(sla.limitFor(e.severity)), e, e.generation));
  }

  /** Adds an escalation for every live, still open entry whose deadline is at or before {@code now}. */
  void due(Instant now, Predicate<Entry> live, List<Escalation> out) {
    while (!queue.isEmpty() && !queue.peek().due().isAfter(now)) {
      Deadline d = queue.poll();
      Entry e = d.entry();
      if (d.generation() == e.generation && e.status == CommentStatus.OPEN && !e.slaEscalated && live.test(e)
          && e.severity != Severity.NONE) {
        e.slaEscalated = true;
        out.add(new Escalation.SlaBreached(e.id(), e.severity, sla.limitFor(e.severity), d.due()));
      }
    }
  }
}
