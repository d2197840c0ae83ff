package io.github.scrm.core.internal;

import io.github.scrm.core.attribute.AttributeCatalogue;
import io.github.scrm.core.identity.IdentityGuardrails;
import io.github.scrm.core.identity.PersonalData;
import io.github.scrm.core.spi.ErasureStore;
import io.github.scrm.core.spi.EventLog;
import io.github.scrm.core.spi.IdSource;
import io.github.scrm.core.spi.IdentityIndex;
import io.github.scrm.core.spi.MergeStore;
import io.github.scrm.core.spi.ProfileStore;
import io.github.scrm.core.time.BusinessTime;
import java.time.Duration;
import java.util.Currency;
import java.util.Objects;

/**
 * Everything the engine is wired with; built by {@code Scrm.Builder}.
 *
 * @param time clock and business zone
 * @param ids source of customer and merge ids
 * @param profiles the profile store
 * @param events the event log
 * @param index the identity index
 * @param merges merge records and identity conflicts
 * @param erasures records of PIPL erasures
 * @param personalData the keyed hashing of personal identifiers
 * @param guardrails identity limits and junk values
 * @param maxFutureSkew how far in the future an event's occurred-at may be
 * @param currency the currency of every amount the instance keeps
 * @param catalogue standard plus host-defined attributes
 */
public record Context(
    BusinessTime time, IdSource ids, ProfileStore profiles, EventLog events, IdentityIndex index, MergeStore merges,
    ErasureStore erasures, PersonalData personalData, IdentityGuardrails guardrails, Duration maxFutureSkew,
    Currency currency, AttributeCatalogue catalogue) {

  /** Validates the parts. */
  public Context {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(profiles, "profiles");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(merges, "merges");
    Objects.requireNonNull(erasures, "erasures");
    Objects.requireNonNull(personalData, "personalData");
    Objects.requireNonNull(guardrails, "guardrails");
    Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(catalogue, "catalogue");
  }
}
