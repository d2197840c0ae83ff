package io.github.scrm.core.profile;

import static io.github.scrm.core.Fixtures.member;
import static io.github.scrm.core.profile.ProfileCodecProperties.assertSameState;
import static io.github.scrm.core.profile.ProfileCodecProperties.extras;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.scrm.core.EventGenerators;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.CustomerEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Combining two customers' profiles, and replay built on it, equal applying every event in turn. */
final class CombineProperties {

  private static final CustomerId ID = CustomerId.of("c-combine");

  private static CustomerProfile oneByOne(List<CustomerEvent> events) {
    CustomerProfile profile = CustomerProfile.empty(ID).withIdentifiers(List.of(member("M1")));
    for (CustomerEvent event : events) {
      profile = profile.with(event);
    }
    return profile;
  }

  @Test
  void withEventsOf_equalsApplyingTheOtherProfilesEventsAfterwards() {
    qt().withExamples(80).forAll(EventGenerators.histories(40), EventGenerators.histories(40), longs().between(0, 999))
        .checkAssert((a, b, seed) -> {
          List<CustomerEvent> first = new ArrayList<>(EventGenerators.events("a", a, member("M1")));
          List<CustomerEvent> second = new ArrayList<>(EventGenerators.events("b", b, member("M1")));
          (seed % 2 == 0 ? first : second).addAll(extras(seed));
          List<CustomerEvent> all = new ArrayList<>(first);
          all.addAll(second);
          assertSameState(oneByOne(first).withEventsOf(oneByOne(second)), oneByOne(all));
        });
  }

  @Test
  void replay_ofLongHistoriesInAnyOrder_equalsApplyingEveryEventInTurn() {
    qt().withExamples(25).forAll(EventGenerators.histories(200), longs().between(0, 999))
        .checkAssert((specs, seed) -> {
          List<CustomerEvent> events = new ArrayList<>(EventGenerators.shuffled(
              EventGenerators.events("e", specs, member("M1")), seed));
          events.addAll((int) (seed % (events.size() + 1)), extras(seed));
          assertSameState(CustomerProfile.replay(ID, List.of(member("M1")), events), oneByOne(events));
        });
  }
}
