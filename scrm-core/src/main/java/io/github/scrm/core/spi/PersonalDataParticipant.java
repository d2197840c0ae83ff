package io.github.scrm.core.spi;

import io.github.scrm.core.customer.CustomerId;

/**
 * A part of the system that holds personal data about customers outside the profile (the contact ledger, referral
 * records, coupon wallets) and takes part in PIPL data-subject requests. Register it with
 * {@code Scrm.privacy().register(...)}; an export then contains its section and an erasure calls it.
 *
 * <p>A customer's merge tree is one person: an export also asks {@link #export} for every customer id merged into the
 * customer (listed under {@code mergedCustomers}), and an erasure calls {@link #erase} for the customer and each of
 * those ids, so an implementation keyed by customer id need not follow merges itself.
 *
 * <p>An erasure asks the participants before it unbinds the customer's identifiers and erases the profile, so that a
 * participant may still read the identifiers (through {@link PersonDirectory#identifiersOf}) to reach what it recorded
 * under them; {@link PersonDirectory#isErased} still answers no while it runs.
 *
 * <p>Implementations must be thread-safe. {@link #erase} must be idempotent. A failure throws
 * {@link io.github.scrm.core.ScrmException}; the erasure then reports which participants did not complete.
 */
public interface PersonalDataParticipant {

  /** The section name in exports and erasure records, such as {@code "contactLedger"}. */
  String name();

  /**
   * Everything this participant holds about {@code customer}, as a value Jackson can write with
   * {@link io.github.scrm.core.event.ScrmJson#mapper()} (records, lists, maps); an empty list when nothing.
   */
  Object export(CustomerId customer);

  /** Deletes or anonymises what this participant holds about {@code customer}; returns how many records. */
  int erase(CustomerId customer);
}
