package io.github.scrm.core;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.scrm.core.consent.ConsentStatus;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.event.CustomerEvent;
import io.github.scrm.core.event.InfluenceScored;
import io.github.scrm.core.event.InteractionKind;
import io.github.scrm.core.event.ProfileUpdated;
import io.github.scrm.core.event.SocialInteraction;
import io.github.scrm.core.event.SocialPlatform;
import io.github.scrm.core.identity.Identifier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.quicktheories.core.Gen;

/** QuickTheories generators of event histories for the property tests; published in the tests jar. */
public final class EventGenerators {

  private EventGenerators() {}

  /** One event to be: a kind, an age in minutes, and a number for amounts and choices. */
  public record Spec(int kind, int minutesAgo, int number) {}

  /** Specs of up to {@code max} mixed events within the last 400 days. */
  public static Gen<List<Spec>> histories(int max) {
    Gen<Spec> spec = integers().between(0, 8).zip(integers().between(0, 400 * 24 * 60),
        integers().between(1, 100_000), Spec::new);
    return lists().of(spec).ofSizeBetween(1, max);
  }

  /** The events of {@code specs} for a customer known by {@code ids}; ids are {@code prefix-index}. */
  public static List<CustomerEvent> events(String prefix, List<Spec> specs, Identifier... ids) {
    List<CustomerEvent> events = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      events.add(event(prefix + "-" + i, specs.get(i), ids));
    }
    return events;
  }

  /** {@code events} shuffled by {@code seed}. */
  public static List<CustomerEvent> shuffled(List<CustomerEvent> events, long seed) {
    List<CustomerEvent> copy = new ArrayList<>(events);
    Collections.shuffle(copy, new Random(seed));
    return copy;
  }

  private static CustomerEvent event(String id, Spec s, Identifier... ids) {
    // a third of the events fall on one of ten instants: ties between events are what order independence must survive
    int n = s.number();
    Instant at = (n / 7) % 3 == 0
        ? Fixtures.NOW.minus(Duration.ofDays(s.minutesAgo() % 10))
        : Fixtures.NOW.minus(Duration.ofMinutes(s.minutesAgo() - s.minutesAgo() % 60));
    List<Identifier> idList = List.of(ids);
    switch (s.kind()) {
      case 0:
        return Fixtures.purchase(id, "o-" + (n % 7), at, n, n % 2 == 0 ? "Nike" : "Anta", ids);
      case 1:
        return Fixtures.discountedPurchase(id, at, n, ids);
      case 2:
        return Fixtures.partialRefund(id, "o-" + (n % 7), at, n % 5_000, ids);
      case 3:
        InteractionKind kind = InteractionKind.values()[n % InteractionKind.values().length];
        return new SocialInteraction(id, at, at, "weibo", idList, SocialPlatform.values()[n % 3], kind,
            kind == InteractionKind.REVIEW ? 1 + n % 5 : null, null, (long) (n % 3) * 1000, n % 2 == 0 ? "p" : null,
            List.of("t" + (n % 4)));
      case 4:
        return Fixtures.groupMessage(id, at, ids);
      case 5:
        return ProfileUpdated.of(id, at, "app", idList).withLocation("city-" + (n % 3), null)
            .withMemberLevel("L" + (n % 3)).withTags(List.of("tag" + (n % 4)), List.of("tag" + (n % 3)));
      case 6:
        return Fixtures.consent(id, at, ContactChannel.values()[n % 3],
            n % 2 == 0 ? ConsentStatus.GRANTED : ConsentStatus.WITHDRAWN, ids);
      case 7:
        return new InfluenceScored(id, at, at, "referral", idList, BigDecimal.valueOf(n % 101));
      default:
        return Fixtures.joined(id, at, ids);
    }
  }
}
