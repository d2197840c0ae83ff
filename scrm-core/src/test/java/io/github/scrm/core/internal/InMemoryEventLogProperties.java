package io.github.scrm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.spi.EventLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * The compact log behaves like the plainest possible log (a map of ids and a list per owner) under any sequence of
 * appends, reassignments and erasures, whatever the fingerprints and however full the dictionary.
 */
final class InMemoryEventLogProperties {

  private static final int OWNERS = 4;
  private static final int IDS = 12;

  /** The plain log the compact one is compared with. */
  private static final class Model {
    final Map<String, CustomerId> owners = new HashMap<>();
    final Map<CustomerId, List<CustomerEvent>> events = new HashMap<>();

    boolean append(CustomerId owner, CustomerEvent event) {
      if (owners.putIfAbsent(event.eventId(), owner) != null) {
        return false;
      }
      events.computeIfAbsent(owner, o -> new ArrayList<>()).add(event);
      return true;
    }

    void reassign(String id, CustomerId to) {
      CustomerId from = owners.get(id);
      if (from.equals(to)) {
        return;
      }
      List<CustomerEvent> list = events.getOrDefault(from, new ArrayList<>());
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i).eventId().equals(id)) {
          events.computeIfAbsent(to, o -> new ArrayList<>()).add(list.remove(i));
          break;
        }
      }
      owners.put(id, to);
    }

    int erase(CustomerId owner) {
      List<CustomerEvent> removed = events.remove(owner);
      return removed == null ? 0 : removed.size();
    }
  }

  private static void checkAgainstTheModel(long seed, int steps, EventLog log) {
    Random random = new Random(seed);
    RandomEvents events = new RandomEvents(seed);
    Model model = new Model();
    for (int step = 0; step < steps; step++) {
      CustomerId owner = CustomerId.of("c-" + random.nextInt(OWNERS));
      String id = random.nextBoolean() ? "e-" + random.nextInt(IDS) : "订单" + random.nextInt(IDS) + "-x";
      int op = random.nextInt(10);
      if (op < 6 || !model.owners.containsKey(id)) {
        CustomerEvent event = events.event(id);
        assertThat(log.append(owner, event)).as("append %s at step %d", id, step)
            .isEqualTo(model.append(owner, event));
      } else if (op < 9) {
        log.reassign(id, owner);
        model.reassign(id, owner);
      } else {
        assertThat(log.erase(owner)).as("erase %s at step %d", owner, step).isEqualTo(model.erase(owner));
      }
    }
    for (int o = 0; o < OWNERS; o++) {
      CustomerId owner = CustomerId.of("c-" + o);
      assertThat(log.eventsOf(owner)).as("events of %s", owner)
          .containsExactlyElementsOf(model.events.getOrDefault(owner, List.of()));
    }
    for (int i = 0; i < IDS; i++) {
      for (String id : List.of("e-" + i, "订单" + i + "-x")) {
        assertThat(log.ownerOf(id)).as("owner of %s", id).isEqualTo(Optional.ofNullable(model.owners.get(id)));
      }
    }
    List<String> visited = new ArrayList<>();
    log.forEach((owner, event) -> visited.add(owner + "/" + event.eventId()));
    List<String> expected = new ArrayList<>();
    model.events.forEach((owner, list) -> list.forEach(e -> expected.add(owner + "/" + e.eventId())));
    assertThat(visited).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static void checkWith(ToLongFunction<String> fingerprint, int examples) {
    qt().withExamples(examples).forAll(longs().all(), integers().between(1, 80), integers().between(0, 1))
        .checkAssert((seed, steps, fullDictionary) -> checkAgainstTheModel(seed, steps,
            new InMemoryEventLog(fingerprint, fullDictionary == 1 ? new TextDictionary(0, 0) : new TextDictionary())));
  }

  @Test
  void anySequence_withTheDefaultFingerprint_behavesLikeThePlainLog() {
    checkWith(FingerprintTable::fingerprint, 150);
  }

  @Test
  void anySequence_withEveryFingerprintColliding_behavesLikeThePlainLog() {
    checkWith(id -> 0x1234_5678_0000_0003L, 100);
  }

  @Test
  void anySequence_withFingerprintsSharingSegmentsAndSlots_behavesLikeThePlainLog() {
    checkWith(id -> (long) (id.hashCode() & 3) << 32 | id.length() & 1, 100);
  }
}
