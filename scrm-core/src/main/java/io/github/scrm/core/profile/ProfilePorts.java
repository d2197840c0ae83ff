package io.github.scrm.core.profile;

import io.github.scrm.core.Scrm;
import io.github.scrm.core.customer.CustomerId;
import io.github.scrm.core.event.InfluenceScored;
import io.github.scrm.core.event.IngestOutcome;
import io.github.scrm.core.identity.Identifier;
import io.github.scrm.core.spi.ContactSubject;
import io.github.scrm.core.spi.ContactSubjects;
import io.github.scrm.core.spi.ImmutableContactSubject;
import io.github.scrm.core.spi.InfluenceSink;
import io.github.scrm.core.spi.PersonDirectory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The views of {@link Scrm}'s profiles and identity graph that the other features of core read: the contact policy's
 * {@link ContactSubjects}, the referral engine's {@link PersonDirectory} and the influence ranking's {@link
 * InfluenceSink}. A host that uses {@code Scrm} passes these instead of the in-memory defaults, so that consents, the
 * no-personalised-marketing flag, merged identities and influence scores have one source of truth.
 *
 * <pre>{@code
 * ContactPolicy policy = ContactPolicy.builder().subjects(ProfilePorts.contactSubjects(scrm)).build();
 * Referrals referrals = Referrals.builder().time(scrm.time()).ids(ids)
 *     .directory(ProfilePorts.personDirectory(scrm)).build();
 * ranking.publish(ProfilePorts.influenceSink(scrm));
 * }</pre>
 */
public final class ProfilePorts {

  private static final Logger LOG = LoggerFactory.getLogger(ProfilePorts.class);

  private ProfilePorts() {}

  /**
   * Contact subjects read from the profiles: the consent records, the PIPL art. 24 flag; no zone of their own (a
   * profile has no zone field), so quiet hours use the business zone. To judge quiet hours in the customer's own zone,
   * use {@link #contactSubjects(Scrm, Function)}. An id merged into another customer answers with the survivor's
   * subject; an erased or unknown customer has no subject, which the contact policy denies.
   */
  public static ContactSubjects contactSubjects(Scrm scrm) {
    return contactSubjects(scrm, profile -> Optional.empty());
  }

  /**
   * {@link #contactSubjects(Scrm)} with the customer's own zone taken from the profile by {@code zoneOf}, typically
   * from a host-defined attribute that the host sets with {@code profile.updated} events:
   *
   * <pre>{@code
   * AttributeKey<String> timeZone = AttributeKey.custom("custom.timeZone", AttributeType.STRING, String.class, "",
   *     "the customer's IANA time zone");          // registered with Scrm.builder().customAttributes(timeZone)
   * ContactSubjects subjects =
   *     ProfilePorts.contactSubjects(scrm, profile -> profile.custom(timeZone).map(ZoneId::of));
   * }</pre>
   *
   * An empty result, or a customer without the attribute, falls back to the business zone. {@code zoneOf} runs on
   * every contact check: it must be fast, and should map a value it cannot read to empty rather than throw.
   */
  public static ContactSubjects contactSubjects(
      Scrm scrm, Function<? super CustomerProfile, Optional<ZoneId>> zoneOf) {
    Objects.requireNonNull(scrm, "scrm");
    Objects.requireNonNull(zoneOf, "zoneOf");
    return customer -> scrm.profile(customer)
        .filter(profile -> profile.erasedAt().isEmpty())
        .map(profile -> subjectOf(profile, zoneOf.apply(profile), scrm.identities().mergedInto(profile.id())));
  }

  private static ContactSubject subjectOf(CustomerProfile profile, Optional<ZoneId> zone, Set<CustomerId> merged) {
    return ImmutableContactSubject.builder()
        .customer(profile.id())
        .addAllConsents(profile.consentHistory())
        .noPersonalisedMarketing(profile.noPersonalisedMarketing())
        .zone(zone)
        .addAllMergedIds(merged)
        .build();
  }

  /**
   * The identity graph as the referral engine sees it: identifiers resolve through merges to the surviving customer,
   * a customer's identifiers are those on their profile, first seen is member since (or, for a customer who never
   * joined, nothing), the customers merged into one are those of its merge tree, and a customer's earlier orders are
   * the orders on their profile.
   */
  public static PersonDirectory personDirectory(Scrm scrm) {
    Objects.requireNonNull(scrm, "scrm");
    return new PersonDirectory() {
      @Override
      public Optional<CustomerId> resolve(Collection<Identifier> identifiers) {
        CustomerId best = null;
        for (Identifier identifier : identifiers) {
          Optional<CustomerId> owner = scrm.identities().resolve(identifier);
          if (owner.isPresent() && (best == null || owner.get().compareTo(best) < 0)) {
            best = owner.get();
          }
        }
        return Optional.ofNullable(best);
      }

      @Override
      public Set<Identifier> identifiersOf(CustomerId customer) {
        return scrm.profile(customer).<Set<Identifier>>map(CustomerProfile::identifiers).orElse(Set.of());
      }

      @Override
      public Optional<Instant> firstSeen(CustomerId customer) {
        return scrm.profile(customer).flatMap(CustomerProfile::memberSince);
      }

      @Override
      public Set<CustomerId> mergedInto(CustomerId customer) {
        return scrm.identities().mergedInto(scrm.identities().current(customer));
      }

      @Override
      public boolean isErased(CustomerId customer) {
        return scrm.profile(customer).flatMap(CustomerProfile::erasedAt).isPresent();
      }

      @Override
      public Optional<Boolean> hasOrderBefore(CustomerId customer, Instant since, String orderId, Instant at) {
        return scrm.profile(customer).map(profile -> profile.hasOrderBefore(since, orderId, at));
      }
    };
  }

  /**
   * Whether marketing may rank or pick {@code customer}: a known customer, not erased, who did not refuse personalised
   * marketing (PIPL art. 24). For {@code InfluenceRanking.topN(n, scope, ProfilePorts.rankable(scrm))} and any list
   * that targets customers by what their profiles show.
   */
  public static Predicate<CustomerId> rankable(Scrm scrm) {
    Objects.requireNonNull(scrm, "scrm");
    return customer -> scrm.profile(customer)
        .filter(profile -> profile.erasedAt().isEmpty() && !profile.noPersonalisedMarketing())
        .isPresent();
  }

  /**
   * Writes influence scores into the profiles as {@link InfluenceScored} events, so that {@code social.influence}
   * survives a replay of the event log. The event id is derived from the customer and the instant, so publishing the
   * same ranking twice at one instant records it once. A customer without any identifier (erased) is skipped.
   */
  public static InfluenceSink influenceSink(Scrm scrm) {
    Objects.requireNonNull(scrm, "scrm");
    return (customer, score) -> {
      Optional<CustomerProfile> profile = scrm.profile(customer);
      Optional<Identifier> identifier = profile.flatMap(p -> p.identifiers().stream().findFirst());
      if (identifier.isEmpty()) {
        LOG.debug("influence score for customer {} skipped: no profile or no identifier", customer);
        return;
      }
      Instant now = scrm.time().now();
      BigDecimal bounded = score.max(BigDecimal.ZERO).min(BigDecimal.valueOf(100));
      IngestOutcome outcome = scrm.ingest(new InfluenceScored("influence:" + customer.value() + ":" + now.toEpochMilli(),
          now, now, "influence-ranking", java.util.List.of(identifier.get()), bounded));
      if (outcome instanceof IngestOutcome.Rejected rejected) {
        LOG.warn("influence score for customer {} was refused: {}", customer, rejected.problems());
      }
    };
  }
}
