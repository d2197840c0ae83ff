package io.github.scrm.core.referral;

import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.identity.IdentifierType;
import io.github.scrm.core.spi.PersonDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fraud rules on referrals: self-referral through a shared identifier, cycles and velocity. Keeps no state of its
 * own; reads the directory and the cross-programme referral graph.
 */
final class Screening {
  private static final int MAX_CHAIN = 64;
  /**
   * Shared by several people (a family tablet, a home address): they reveal self-referral between referrer and
   * referee, but never decide who a person is.
   */
  private static final Set<IdentifierType> SHARED_BY_HOUSEHOLDS =
      Set.of(IdentifierType.DEVICE_ID, IdentifierType.ADDRESS_HASH);
  private static final Duration HOUR = Duration.ofHours(1);

  private final PersonDirectory directory;
  private final Map<CustomerId, CustomerId> referrerOf;

  Screening(PersonDirectory directory, Map<CustomerId, CustomerId> referrerOf) {
    this.directory = directory;
    this.referrerOf = referrerOf;
  }

  /**
   * A self-referral flag when {@code referee} is {@code referrer}, or when the referee's identifiers (known to the
   * directory or carried by the event) share any identifier with the referrer's. Names only the identifier types.
   */
  Optional<FraudFlag> selfReferral(CustomerId referrer, Optional<CustomerId> referee, Collection<Identifier> seen) {
    boolean same = referee.isPresent() && referee.get().equals(referrer);
    Set<String> theirs = new HashSet<>();
    for (Identifier id : directory.identifiersOf(referrer)) {
      theirs.add(id.key());
    }
    TreeSet<String> shared = new TreeSet<>();
    for (Identifier id : seen) {
      if (theirs.contains(id.key())) {
        shared.add(id.type().name());
      }
    }
    if (referee.isPresent() && !same) {
      for (Identifier id : directory.identifiersOf(referee.get())) {
        if (theirs.contains(id.key())) {
          shared.add(id.type().name());
        }
      }
    }
    if (!shared.isEmpty()) {
      return Optional.of(new FraudFlag(FraudSignal.SELF_REFERRAL, "shares " + String.join(", ", shared)
          + " with referrer " + referrer));
    }
    return same ? Optional.of(new FraudFlag(FraudSignal.SELF_REFERRAL, "referee is the referrer " + referrer))
        : Optional.empty();
  }

  /** The identifiers that may identify a natural person: all but device ids and address hashes. */
  static List<Identifier> personIdentifiers(Collection<Identifier> ids) {
    return ids.stream().filter(i -> !SHARED_BY_HOUSEHOLDS.contains(i.type())).toList();
  }

  /** A cycle flag when {@code referee} is upstream of {@code referrer} in the referral graph. */
  Optional<FraudFlag> cycle(CustomerId referrer, CustomerId referee) {
    CustomerId at = referrer;
    for (int i = 0; i < MAX_CHAIN; i++) {
      CustomerId up = referrerOf.get(at);
      if (up == null) {
        return Optional.empty();
      }
      if (up.equals(referee)) {
        return Optional.of(new FraudFlag(FraudSignal.CYCLE,
            referee + " is " + (i + 1) + " level(s) upstream of referrer " + referrer));
      }
      at = up;
    }
    return Optional.empty();
  }

  /**
   * A velocity flag when {@code recent} (the referrer's qualification instants with their counts) already holds {@code
   * max} qualifications within the hour before {@code at}. Correct for out-of-order events; the caller prunes.
   */
  static Optional<FraudFlag> velocity(NavigableMap<Instant, Integer> recent, Instant at, int max, CustomerId referrer) {
    int inHour = 0;
    for (int n : recent.subMap(at.minus(HOUR), true, at, true).values()) {
      inHour += n;
    }
    return inHour >= max
        ? Optional.of(new FraudFlag(FraudSignal.VELOCITY, "referrer " + referrer + " had " + inHour
            + " qualifications in the hour before, limit " + max))
        : Optional.empty();
  }
}
