package io.github.scrm.core.contact;

import io.github.scrm.core.ScrmStyle;
import io.github.scrm.core.consent.ContactChannel;
import io.github.scrm.core.consent.ContactPurpose;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A bound on one customer's recorded contacts, produced by a rule for one request: fewer than {@link #max()} recorded
 * contacts may match the filters within {@code [from, until)} for the request to pass. Every filter maps to a plain
 * SQL predicate, so a database ledger can count with one query per limit.
 */
@Value.Immutable
@ScrmStyle
public abstract class ContactLimit {

  /** The earliest instant a limit can look at, used for "ever" ({@link ContactRules#campaignOnce()}). */
  public static final Instant BEGINNING = Instant.EPOCH;

  /** The end of "ever": late enough for any contact and still a valid SQL timestamp. */
  public static final Instant END = Instant.parse("9999-12-31T00:00:00Z");

  /** The name of the rule that set this limit. */
  public abstract String rule();

  /** The reason to report when the limit is reached. */
  public abstract DenialReason reason();

  /** The rule in words with its values, for the denial's detail ("at most 1 MARKETING per calendar day"). */
  public abstract String description();

  /** Channels that count; empty means every channel. */
  public abstract Set<ContactChannel> channels();

  /** Purposes that count; empty means every purpose. */
  public abstract Set<ContactPurpose> purposes();

  /** Whether only enterprise bulk messages count. */
  @Value.Default
  public boolean bulkOnly() {
    return false;
  }

  /** When present, only contacts of this campaign count. */
  public abstract Optional<CampaignId> campaign();

  /** Start of the window, inclusive. */
  public abstract Instant from();

  /** End of the window, exclusive. */
  public abstract Instant until();

  /** How many matching contacts may already exist before the request; at least 0. */
  public abstract int max();

  /** Whether {@code record} counts against this limit. */
  public boolean matches(ContactRecord record) {
    return (channels().isEmpty() || channels().contains(record.channel()))
        && (purposes().isEmpty() || purposes().contains(record.purpose()))
        && (!bulkOnly() || record.bulk())
        && (campaign().isEmpty() || campaign().equals(record.campaign()))
        && !record.at().isBefore(from())
        && record.at().isBefore(until());
  }

  @Value.Check
  void check() {
    if (max() < 0) {
      throw new IllegalArgumentException("limit max must be at least 0, but was " + max() + " in rule " + rule());
    }
    if (!from().isBefore(until())) {
      throw new IllegalArgumentException(
          "limit window must have from before until, but was [" + from() + ", " + until() + ") in rule " + rule());
    }
  }
}
