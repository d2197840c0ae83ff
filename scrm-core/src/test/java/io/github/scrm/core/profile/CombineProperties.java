package io.github.scrm.core.profile;

import static io.github.scrm.core.Fixtures.daysAgo;
import static io.github.scrm.core.Fixtures.member;
import static io.github.scrm.core.profile.ProfileCodecProperties.assertSameState;
import static io.github.scrm.core.profile.ProfileCodecProperties.extras;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.scrm.core.EventGenerators;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.Gender;
import io.github.scrm.core.event.MembershipJoined;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.event.StaffContact;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.staff.StaffId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Combining two customers' profiles, and replay built on it, equal applying every event in turn. */
final class CombineProperties {

  private static final CustomerId ID = CustomerId.of("c-combine");

  /**
   * The fields {@link ProfileCodecProperties#extras} sets, set again at the same instant to other values (the ties
   * combining must settle as applying does), with joins on other channels and levels and a staff contact.
   */
  private static List<CustomerEvent> rivals(String prefix, long seed, long variant) {
    List<Identifier> ids = List.of(member("M1"));
    Instant at = daysAgo(seed % 50);
    return List.of(
        new ProfileUpdated(prefix + "-1", at, at, "crm", ids, "李" + variant, Gender.values()[(int) (variant % 3)],
            LocalDate.of(1990, 1, 1 + (int) (variant % 28)), "band-" + variant, "city-" + variant % 3, "Hubei",
            "L" + variant % 4, StaffId.of("s-" + variant % 4), variant % 2 != 0, List.of("tag1", "x"), List.of("x"),
            Map.of("shoeSize", "3" + variant % 5)),
        new MembershipJoined(prefix + "-2", at, at, "channel-" + variant % 3, ids, "SILVER"),
        new MembershipJoined(prefix + "-3", daysAgo(seed % 10), daysAgo(seed % 10), "app", ids, null),
        new StaffContact(prefix + "-4", at, at, "wecom", ids, StaffId.of("s-1"), ContactChannel.WECOM,
            ContactPurpose.SERVICE, null));
  }

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
          first.addAll(rivals("y", seed, seed));
          second.addAll(rivals("z", seed, seed / 2 + 1));
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
          events.addAll((int) (seed * 7 % (events.size() + 1)), rivals("y", seed, seed));
          events.addAll(rivals("z", seed, seed / 2 + 1));
          assertSameState(CustomerProfile.replay(ID, List.of(member("M1")), events), oneByOne(events));
        });
  }
}
