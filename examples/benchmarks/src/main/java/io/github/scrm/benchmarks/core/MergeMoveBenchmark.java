package io.github.scrm.benchmarks.core;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CommunityAction;
import io.github.scrm.core.event.CommunityActivity;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.spi.EventLog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a merge does to the in-memory event log when the absorbed customer has a long history: each of its {@code
 * events} events is reassigned to the survivor, oldest first, as {@code Merging} does. Each invocation starts from a
 * fresh log; the score is the time for all the moves, which should grow linearly with the history.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class MergeMoveBenchmark {

  private static final CustomerId ABSORBED = CustomerId.of("c-absorbed");
  private static final CustomerId SURVIVOR = CustomerId.of("c-survivor");

  @Param({"20000", "100000"})
  int events;

  private EventLog log;
  private List<CustomerEvent> history;

  /** A log holding the absorbed customer's history (group messages), rebuilt before each invocation. */
  @Setup(Level.Invocation)
  public void history() {
    log = EventLog.inMemory();
    Identifier member = Identifier.of(IdentifierType.MEMBER_NUMBER, "M1");
    for (int i = 0; i < events; i++) {
      log.append(ABSORBED, new CommunityActivity("e" + i, Workload.NOW.minus(Duration.ofMinutes(i)),
          Workload.NOW, "wecom", List.of(member), "group-" + (i % 7), CommunityAction.MESSAGE, null));
    }
    history = log.eventsOf(ABSORBED);
  }

  /** Every event of the absorbed customer to the survivor, oldest first. */
  @Benchmark
  public EventLog moveAll() {
    for (CustomerEvent event : history) {
      log.reassign(event.eventId(), SURVIVOR);
    }
    return log;
  }
}
